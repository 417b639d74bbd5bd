import { Typography } from 'antd';

/** Built out in the desk console work. */
export default function CasesPage() {
  return <Typography.Title level={3}>CasesPage</Typography.Title>;
}
