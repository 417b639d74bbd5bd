import { Typography } from 'antd';

/** Built out in the desk console work. */
export default function OverduePage() {
  return <Typography.Title level={3}>OverduePage</Typography.Title>;
}
