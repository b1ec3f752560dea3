import { createLocalJWKSet, importSPKI, jwtVerify, type JWTVerifyGetKey, type KeyObject } from 'jose';
import { createPublicKey } from 'node:crypto';
import type { AuthSettings } from './auth-settings';
import { isRole, type Principal } from './roles';

/** Why a bearer token was not accepted; always answered with 401, the reason only logged. */
export class InvalidToken extends Error {
  readonly code = 'INVALID_TOKEN';
}

type Key = Uint8Array | KeyObject | JWTVerifyGetKey;

/**
 * Verifies bearer tokens with an explicit algorithm allow-list tied to the key kind: a shared
 * secret accepts only HS256, public keys only RS256/ES256. So `alg: none` never passes, and a
 * token signed with HS256 using the public key as the secret (the HS/RS confusion) is refused.
 * Issuer, audience, expiry and not-before are always checked.
 */
export class TokenVerifier {
  private constructor(
    private readonly settings: AuthSettings,
    private readonly key: Key,
    private readonly algorithms: readonly string[],
  ) {}

  static async create(settings: AuthSettings): Promise<TokenVerifier> {
    if (settings.jwks) {
      const jwks = createLocalJWKSet(JSON.parse(settings.jwks) as Parameters<typeof createLocalJWKSet>[0]);
      return new TokenVerifier(settings, jwks, ['RS256', 'ES256']);
    }
    if (settings.publicKeyPem) {
      const algorithm = createPublicKey(settings.publicKeyPem).asymmetricKeyType === 'ec' ? 'ES256' : 'RS256';
      return new TokenVerifier(settings, await importSPKI(settings.publicKeyPem, algorithm), [algorithm]);
    }
    if (settings.secret) return new TokenVerifier(settings, new TextEncoder().encode(settings.secret), ['HS256']);
    throw new Error(
      'No token key is configured: set BRANCHFLOW_JWT_SECRET, BRANCHFLOW_JWT_PUBLIC_KEY or BRANCHFLOW_JWKS_FILE.',
    );
  }

  async verify(token: string): Promise<Principal> {
    let payload: Record<string, unknown>;
    try {
      const options = {
        algorithms: [...this.algorithms],
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        requiredClaims: ['sub', 'exp'],
      };
      const result =
        typeof this.key === 'function'
          ? await jwtVerify(token, this.key, options)
          : await jwtVerify(token, this.key, options);
      payload = result.payload;
    } catch (error) {
      throw new InvalidToken(error instanceof Error ? error.message : 'token rejected');
    }
    const { sub, name, role, committeeId } = payload;
    if (typeof sub !== 'string' || sub.length === 0) throw new InvalidToken('the token names no subject');
    if (!isRole(role)) throw new InvalidToken('the token carries no known role');
    if (committeeId !== undefined && typeof committeeId !== 'string')
      throw new InvalidToken('committeeId must be a string');
    return { id: sub, name: typeof name === 'string' && name ? name : sub, role, committeeId: committeeId ?? null };
  }
}
