import { NavBar } from 'antd-mobile';
import { useLocation } from 'wouter';

/** Built out in the field app work. */
export default function FieldApp() {
  const [, navigate] = useLocation();
  return <NavBar onBack={() => navigate('~/')}>FieldApp</NavBar>;
}
