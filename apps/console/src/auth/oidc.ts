// Loaded only when someone signs in through the identity provider (its own chunk), so the
// development sign-in and every signed-in page load without it.
import { UserManager, WebStorageStateStore } from 'oidc-client-ts';
import type { ConsoleOidc } from '../app/console-config';
import { BASE } from '../app/router';
import { sessionFromToken, type Session } from './session';

/**
 * Authorization code with PKCE (S256), as a public client: oidc-client-ts makes the verifier and
 * challenge, the state and nonce, checks them on the way back and exchanges the code. The
 * console keeps only the access token (in this tab's sessionStorage, like the development
 * sign-in); the API verifies it against the provider's keys (BRANCHFLOW_JWKS_URL).
 */
function manager(settings: ConsoleOidc): UserManager {
  const resource = settings.resource ? { resource: settings.resource } : undefined;
  return new UserManager({
    authority: settings.issuer,
    client_id: settings.clientId,
    redirect_uri: `${window.location.origin}${BASE}/callback`,
    post_logout_redirect_uri: `${window.location.origin}${BASE}/sign-in`,
    response_type: 'code',
    scope: settings.scope,
    ...(resource ? { extraQueryParams: resource, extraTokenParams: resource } : {}),
    // No hidden iframes: the console signs in again when the token expires.
    automaticSilentRenew: false,
    monitorSession: false,
    loadUserInfo: false,
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
  });
}

/** Leaves for the provider's sign-in page; comes back to /console/callback. */
export async function startOidcSignIn(settings: ConsoleOidc, returnTo: string): Promise<void> {
  await manager(settings).signinRedirect({ url_state: returnTo });
}

/** On /console/callback: the session from the code the provider sent back, and where to go next. */
export async function finishOidcSignIn(settings: ConsoleOidc): Promise<{ session: Session; returnTo: string }> {
  const user = await manager(settings).signinRedirectCallback();
  const session = sessionFromToken(user.access_token, 'oidc');
  if (!session) {
    throw new Error('身份认证返回的访问令牌中没有有效的角色（role）或已过期，请联系系统管理员。');
  }
  return { session, returnTo: user.url_state && user.url_state.startsWith('/') ? user.url_state : '/' };
}

/** Forgets the provider's tokens kept in this tab. */
export async function forgetOidcUser(settings: ConsoleOidc): Promise<void> {
  await manager(settings).removeUser();
}
