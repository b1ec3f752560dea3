import { currentSession, signOut } from '../auth/session';
import { navigate } from '../app/router';
import { createApiClient } from './client';

/** The console's one API client: same origin, the signed-in user's token. */
export const api = createApiClient({
  token: () => currentSession()?.token ?? null,
  onUnauthorized: () => {
    signOut();
    navigate('/sign-in?expired=1', { replace: true });
  },
});
