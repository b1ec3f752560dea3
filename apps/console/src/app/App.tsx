import { ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { lazy, Suspense, useEffect, useSyncExternalStore } from 'react';
import { currentSession, signOut, subscribeSession, type Session } from '../auth/session';
import { Shell } from '../shell/Shell';
import { loadConsoleConfig } from './console-config';
import { navigate, pathOf, useRoute } from './router';
import './app.css';

dayjs.locale('zh-cn');

// Signing in is a page of its own, so a signed-in tab loads none of its form components.
const SignInPage = lazy(() => import('../auth/SignInPage'));
const OidcCallback = lazy(() => import('../auth/OidcCallback'));

/** The console: zh-CN throughout; the sign-in pages, or the shell for whoever is signed in. */
export function App() {
  return (
    <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: '#b71c1c', borderRadius: 4 } }}>
      <Routes />
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

  if (path === '/callback') {
    return (
      <Suspense>
        <OidcCallback />
      </Suspense>
    );
  }
  if (!session) {
    return signedOutRoute ? (
      <Suspense>
        <SignInPage />
      </Suspense>
    ) : null;
  }
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
