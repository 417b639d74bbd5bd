import { Typography } from 'antd';

/** Built out in the desk console work. */
export default function WallPage() {
  return <Typography.Title level={3}>WallPage</Typography.Title>;
}
