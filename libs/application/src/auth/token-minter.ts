import { SignJWT } from 'jose';
import type { AuthSettings } from './auth-settings';
import type { Role } from './roles';

const DEFAULT_TTL_SECONDS = 8 * 3600;

export interface TokenRequest {
  readonly subject: string;
  readonly name: string;
  readonly role: Role;
  readonly committeeId?: string;
  /**
   * Lifetime in seconds: default 8 hours (one working day) or the configured maximum lifetime
   * if that is shorter; longer than the maximum is refused, since the API would refuse the token.
   */
  readonly ttlSeconds?: number;
}

/**
 * Signs an HS256 token with the configured shared secret: the development convenience behind
 * `branchflow token --role ROLE` and the tests. Production tokens come from an identity provider.
 */
export async function mintToken(settings: AuthSettings, request: TokenRequest, now = new Date()): Promise<string> {
  if (!settings.secret)
    throw new Error('Minting needs BRANCHFLOW_JWT_SECRET; with public keys, tokens come from your identity provider.');
  const maxSeconds = settings.maxLifetimeMinutes * 60;
  const ttlSeconds = request.ttlSeconds ?? Math.min(DEFAULT_TTL_SECONDS, maxSeconds);
  if (ttlSeconds > maxSeconds) {
    throw new RangeError(
      `A token may live at most ${settings.maxLifetimeMinutes} minutes (BRANCHFLOW_JWT_MAX_LIFETIME_MINUTES); ${Math.round(ttlSeconds / 60)} were asked for.`,
    );
  }
  const issuedAt = Math.floor(now.getTime() / 1000);
  const claims: Record<string, string> = { name: request.name, role: request.role };
  if (request.committeeId) claims.committeeId = request.committeeId;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(request.subject)
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setIssuedAt(issuedAt)
    .setNotBefore(issuedAt)
    .setExpirationTime(issuedAt + ttlSeconds)
    .sign(new TextEncoder().encode(settings.secret));
}
