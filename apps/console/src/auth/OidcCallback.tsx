import { Button, Card, Result, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { loadConsoleConfig } from '../app/console-config';
import { navigate } from '../app/router';
import { ProblemAlert } from '../shell/ProblemAlert';
import { signIn } from './session';

/** /console/callback: where the identity provider sends the browser back with a code. */
export default function OidcCallback() {
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let current = true;
    (async () => {
      const config = await loadConsoleConfig();
      if (!config.oidc) throw new Error('本环境未配置统一身份认证。');
      const { finishOidcSignIn } = await import('./oidc');
      const { session, returnTo } = await finishOidcSignIn(config.oidc);
      if (!current) return;
      signIn(session);
      navigate(returnTo, { replace: true });
    })().catch((failure: unknown) => current && setError(failure));
    return () => {
      current = false;
    };
  }, []);
  return (
    <div className="sign-in">
      <Card className="sign-in-card">
        {error ? (
          <Result
            status="error"
            title="登录未完成"
            extra={<Button onClick={() => navigate('/sign-in', { replace: true })}>返回登录页</Button>}
          >
            <ProblemAlert error={error} />
          </Result>
        ) : (
          <Spin tip="正在完成登录…" size="large">
            <div className="callback-spin" />
          </Spin>
        )}
      </Card>
    </div>
  );
}
