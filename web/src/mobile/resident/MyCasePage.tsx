import { NavBar } from 'antd-mobile';
import { useLocation } from 'wouter';

/** Built out in the resident pages work. */
export default function MyCasePage() {
  const [, navigate] = useLocation();
  return <NavBar onBack={() => navigate('/')}>MyCasePage</NavBar>;
}
