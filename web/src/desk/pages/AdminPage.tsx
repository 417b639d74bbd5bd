import { Typography } from 'antd';

/** Built out in the desk console work. */
export default function AdminPage() {
  return <Typography.Title level={3}>AdminPage</Typography.Title>;
}
