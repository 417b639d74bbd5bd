import { NavBar } from 'antd-mobile';
import { useLocation } from 'wouter';

/** Built out in the resident pages work. */
export default function ReportPage() {
  const [, navigate] = useLocation();
  return <NavBar onBack={() => navigate('/')}>ReportPage</NavBar>;
}
