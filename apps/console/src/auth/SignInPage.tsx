import { Alert, Button, Card, Divider, Form, Input, Radio, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { answer } from '../api/client';
import { api } from '../api/api';
import { loadConsoleConfig, type ConsoleConfig } from '../app/console-config';
import { navigate, queryOf, useRoute } from '../app/router';
import { ProblemAlert } from '../shell/ProblemAlert';
import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES, type Role } from './roles';
import { sessionFromToken, signIn } from './session';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * 登录: through the bureau's identity provider (OpenID Connect) where one is configured, and in
 * development, from this machine, by picking a role.
 */
export default function SignInPage() {
  const route = useRoute();
  const query = queryOf(route);
  const returnTo = safeReturn(query.get('returnTo'));
  const [config, setConfig] = useState<ConsoleConfig | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    loadConsoleConfig().then(setConfig, setError);
  }, []);

  const signInWithProvider = async () => {
    if (!config?.oidc) return;
    setBusy(true);
    setError(null);
    try {
      const { startOidcSignIn } = await import('./oidc');
      await startOidcSignIn(config.oidc, returnTo);
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };

  const signInAsRole = async (values: { role: Role; committeeId?: string }) => {
    setBusy(true);
    setError(null);
    try {
      const committeeId = values.role === 'admin' && values.committeeId?.trim() ? values.committeeId.trim() : undefined;
      const { data } = await answer(
        api.POST('/auth/dev-token', { body: { role: values.role, ...(committeeId ? { committeeId } : {}) } }),
      );
      const session = sessionFromToken(data.token, 'development');
      if (!session) throw new Error('服务器返回的令牌无法识别。');
      signIn(session);
      navigate(returnTo, { replace: true });
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };

  return (
    <div className="sign-in">
      <Card className="sign-in-card">
        <Typography.Title level={3}>换届与组织调整管理台</Typography.Title>
        <Typography.Paragraph type="secondary">党支部换届选举与组织调整的办理、查询和审计。</Typography.Paragraph>
        {query.get('expired') ? (
          <Alert className="sign-in-notice" type="info" showIcon message="登录已过期，请重新登录。" />
        ) : null}
        {error ? <ProblemAlert error={error} /> : null}
        {!config && !error ? <Spin /> : null}
        {config?.oidc ? (
          <Button type="primary" size="large" block loading={busy} onClick={() => void signInWithProvider()}>
            登录
          </Button>
        ) : null}
        {config && !config.oidc && !config.devSignIn ? (
          <Alert
            type="warning"
            showIcon
            message="本环境尚未配置登录方式"
            description="请联系系统管理员配置统一身份认证（BRANCHFLOW_OIDC_ISSUER、BRANCHFLOW_OIDC_CLIENT_ID）。"
          />
        ) : null}
        {config?.devSignIn ? (
          <>
            {config.oidc ? <Divider plain>或</Divider> : null}
            <DevelopmentSignIn busy={busy} onSubmit={(values) => void signInAsRole(values)} />
          </>
        ) : null}
      </Card>
    </div>
  );
}

function DevelopmentSignIn({
  busy,
  onSubmit,
}: {
  busy: boolean;
  onSubmit: (values: { role: Role; committeeId?: string }) => void;
}) {
  const [form] = Form.useForm<{ role: Role; committeeId?: string }>();
  const role = Form.useWatch('role', form);
  return (
    <Form form={form} layout="vertical" initialValues={{ role: 'admin' }} onFinish={onSubmit} requiredMark={false}>
      <Alert
        className="sign-in-notice"
        type="warning"
        message="开发环境登录"
        description="仅在开发环境、从本机访问时可用，令牌由公开的开发密钥签发。"
      />
      <Form.Item name="role" label="角色">
        <Radio.Group>
          <Space direction="vertical">
            {ROLES.map((r) => (
              <Radio key={r} value={r}>
                {ROLE_LABELS[r]}
                <Typography.Text type="secondary">（{ROLE_DESCRIPTIONS[r]}）</Typography.Text>
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      </Form.Item>
      {role === 'admin' ? (
        <Form.Item
          name="committeeId"
          label="限定党委（可选）"
          extra="填写党委编号后，该管理员只能办理这个党委及其下级的事务。"
          rules={[{ pattern: UUID, message: '党委编号应为 UUID 格式' }]}
        >
          <Input placeholder="不填则不限定" autoComplete="off" />
        </Form.Item>
      ) : null}
      <Button type="primary" htmlType="submit" size="large" block loading={busy}>
        以所选角色登录
      </Button>
    </Form>
  );
}

/** Only routes inside the console: an address from the query string never leads elsewhere. */
function safeReturn(value: string | null): string {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/sign-in') ? value : '/';
}
