import { Button, Result } from 'antd';
import { navigate } from '../app/router';

export default function NotFoundScreen() {
  return (
    <Result
      status="404"
      title="没有这个页面"
      subTitle="地址可能有误，请从左侧菜单进入。"
      extra={<Button onClick={() => navigate('/')}>返回工作台</Button>}
    />
  );
}
