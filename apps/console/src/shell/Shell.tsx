import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  DashboardOutlined,
  FlagOutlined,
  ImportOutlined,
  LogoutOutlined,
  NodeIndexOutlined,
  SolutionOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Button, Layout, Menu, Space, Spin, Tag } from 'antd';
import { Suspense, type ReactNode } from 'react';
import { navigate, pathOf, useRoute } from '../app/router';
import { ROLE_LABELS } from '../auth/roles';
import type { Session } from '../auth/session';
import { NoAccess } from './NoAccess';
import { mayUse, NotFoundScreen, screenOf, screensFor } from './screens';

const ICONS: Readonly<Record<string, ReactNode>> = {
  '/': <DashboardOutlined />,
  '/org': <ApartmentOutlined />,
  '/elections': <SolutionOutlined />,
  '/restructurings': <NodeIndexOutlined />,
  '/demonstrations': <FlagOutlined />,
  '/audit': <AuditOutlined />,
  '/reports': <BarChartOutlined />,
  '/import': <ImportOutlined />,
};

/** The signed-in layout: the menu of screens on the left, who is signed in and 退出登录 on top. */
export function Shell({ session, onSignOut }: { session: Session; onSignOut: () => void }) {
  const route = useRoute();
  const path = pathOf(route);
  const screen = screenOf(path);
  const Screen = screen?.component ?? NotFoundScreen;
  // A screen this role may not use, opened by its address: say who may instead of asking the API.
  const refused = screen && !mayUse(screen, session.role) ? screen : null;
  return (
    <Layout className="shell">
      <Layout.Sider width={184} theme="light" className="shell-sider">
        <div className="shell-brand">换届与组织调整</div>
        <nav aria-label="主菜单">
          <Menu
            mode="inline"
            style={{ borderInlineEnd: 'none' }}
            selectedKeys={[screen?.path ?? '']}
            items={screensFor(session.role).map((s) => ({ key: s.path, icon: ICONS[s.path], label: s.label }))}
            onClick={({ key }) => navigate(key)}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header className="shell-header">
          <h1 className="shell-title">{screen?.label ?? '管理台'}</h1>
          <Space size="middle">
            <span className="shell-user" data-testid="signed-in-as">
              <UserOutlined /> {session.name} <Tag color="blue">{ROLE_LABELS[session.role]}</Tag>
              {session.committeeId ? <Tag>限定党委</Tag> : null}
            </span>
            <Button icon={<LogoutOutlined />} onClick={onSignOut}>
              退出登录
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content className="shell-content">
          <main>
            <Suspense
              fallback={
                <Spin tip="正在载入…" size="large">
                  <div className="screen-loading" />
                </Spin>
              }
            >
              {refused ? <NoAccess screen={refused} role={session.role} /> : <Screen />}
            </Suspense>
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
