import { SignJWT } from 'jose';
import type { AuthSettings } from './auth-settings';
import type { Role } from './roles';

export interface TokenRequest {
  readonly subject: string;
  readonly name: string;
  readonly role: Role;
  readonly committeeId?: string;
  /** Lifetime in seconds (default 8 hours: one working day). */
  readonly ttlSeconds?: number;
}

/**
 * Signs an HS256 token with the configured shared secret: the development convenience behind
 * `branchflow token --role ROLE` and the tests. Production tokens come from an identity provider.
 */
export async function mintToken(settings: AuthSettings, request: TokenRequest, now = new Date()): Promise<string> {
  if (!settings.secret)
    throw new Error('Minting needs BRANCHFLOW_JWT_SECRET; with public keys, tokens come from your identity provider.');
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
    .setExpirationTime(issuedAt + (request.ttlSeconds ?? 8 * 3600))
    .sign(new TextEncoder().encode(settings.secret));
}
