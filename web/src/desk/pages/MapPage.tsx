import { Typography } from 'antd';

/** Built out in the desk console work. */
export default function MapPage() {
  return <Typography.Title level={3}>MapPage</Typography.Title>;
}
