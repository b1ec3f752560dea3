import { isRole, type Role } from './roles';

/** Who is signed in, from the bearer token the API will verify; shown in the header. */
export interface Session {
  readonly token: string;
  readonly role: Role;
  readonly name: string;
  readonly committeeId: string | null;
  /** Milliseconds since the epoch. */
  readonly expiresAt: number;
  readonly via: 'development' | 'oidc';
}

const KEY = 'branchflow.console.session';
const listeners = new Set<() => void>();
let cached: { raw: string | null; session: Session | null } = { raw: null, session: null };

/**
 * The claims of a JWT, read without verifying it: only to show who is signed in and until when.
 * The API verifies every token it receives; the console grants nothing by itself.
 */
export function sessionFromToken(token: string, via: Session['via'], now = Date.now()): Session | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  let claims: Record<string, unknown>;
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    claims = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
  } catch {
    return null;
  }
  const { role, name, sub, committeeId, exp } = claims;
  if (!isRole(role) || typeof exp !== 'number' || exp * 1000 <= now) return null;
  return {
    token,
    role,
    name: typeof name === 'string' && name ? name : typeof sub === 'string' ? sub : '',
    committeeId: typeof committeeId === 'string' ? committeeId : null,
    expiresAt: exp * 1000,
    via,
  };
}

function storage(): Storage | null {
  return typeof sessionStorage === 'undefined' ? null : sessionStorage;
}

/** The session of this browser tab (it survives a reload, not closing the tab), or null. */
export function currentSession(now = Date.now()): Session | null {
  const raw = storage()?.getItem(KEY) ?? null;
  if (raw !== cached.raw) {
    let session: Session | null = null;
    try {
      const stored = raw ? (JSON.parse(raw) as { token?: unknown; via?: unknown }) : null;
      if (stored && typeof stored.token === 'string' && (stored.via === 'development' || stored.via === 'oidc')) {
        session = sessionFromToken(stored.token, stored.via, now);
      }
    } catch {
      session = null;
    }
    cached = { raw, session };
  }
  return cached.session && cached.session.expiresAt > now ? cached.session : null;
}

export function signIn(session: Session): void {
  storage()?.setItem(KEY, JSON.stringify({ token: session.token, via: session.via }));
  notify();
}

export function signOut(): void {
  storage()?.removeItem(KEY);
  notify();
}

export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function notify(): void {
  for (const listener of listeners) listener();
}
