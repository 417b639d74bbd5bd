import { Typography } from 'antd';

/** Built out in the desk console work. */
export default function CasePage() {
  return <Typography.Title level={3}>CasePage</Typography.Title>;
}
