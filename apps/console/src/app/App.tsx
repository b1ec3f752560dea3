import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect, useSyncExternalStore } from 'react';
import { OidcCallback } from '../auth/OidcCallback';
import { SignInPage } from '../auth/SignInPage';
import { currentSession, signOut, subscribeSession, type Session } from '../auth/session';
import { Shell } from '../shell/Shell';
import { loadConsoleConfig } from './console-config';
import { navigate, pathOf, useRoute } from './router';
import './app.css';

dayjs.locale('zh-cn');

/** The console: zh-CN throughout; the sign-in pages, or the shell for whoever is signed in. */
export function App() {
  return (
    <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: '#b71c1c', borderRadius: 4 } }}>
      <AntApp>
        <Routes />
      </AntApp>
    </ConfigProvider>
  );
}

function Routes() {
  const route = useRoute();
  const path = pathOf(route);
  const session = useSyncExternalStore(subscribeSession, () => currentSession());
  const signedOutRoute = path === '/sign-in' || path === '/callback';

  useEffect(() => {
    if (!session && !signedOutRoute) navigate(`/sign-in?returnTo=${encodeURIComponent(route)}`, { replace: true });
    if (session && path === '/sign-in') navigate('/', { replace: true });
  }, [session, signedOutRoute, path, route]);

  if (path === '/callback') return <OidcCallback />;
  if (!session) return signedOutRoute ? <SignInPage /> : null;
  return <Shell session={session} onSignOut={() => void leave(session)} />;
}

async function leave(session: Session): Promise<void> {
  signOut();
  if (session.via === 'oidc') {
    const config = await loadConsoleConfig().catch(() => null);
    if (config?.oidc) await (await import('../auth/oidc')).forgetOidcUser(config.oidc);
  }
  navigate('/sign-in', { replace: true });
}
