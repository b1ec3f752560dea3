import { Button, Result } from 'antd';
import { navigate } from '../app/router';
import { ROLE_LABELS, type Role } from '../auth/roles';
import type { Screen } from './screens';

/**
 * A screen opened by its address by someone whose role may not use it: says who may, before any
 * request is sent. The API refuses such requests anyway (403); this only spares the clerk a
 * failed page.
 */
export function NoAccess({ screen, role }: { screen: Screen; role: Role }) {
  const who = screen.roles.map((r) => ROLE_LABELS[r]).join('、');
  return (
    <Result
      status="403"
      title="没有权限使用此页面"
      subTitle={`“${screen.label}”仅供${who}使用；您当前的身份是“${ROLE_LABELS[role]}”。如需使用，请联系系统管理员调整您的角色。`}
      extra={<Button onClick={() => navigate('/')}>返回工作台</Button>}
    />
  );
}
