import {
  createLocalJWKSet,
  createRemoteJWKSet,
  importSPKI,
  jwtVerify,
  type JWTVerifyGetKey,
  type KeyObject,
} from 'jose';
import { createPublicKey, webcrypto } from 'node:crypto';
import type { AuthSettings } from './auth-settings';
import { isRole, type Principal } from './roles';

/** Why a bearer token was not accepted; always answered with 401, the reason only logged. */
export class InvalidToken extends Error {
  readonly code = 'INVALID_TOKEN';
}

type Key = webcrypto.CryptoKey | KeyObject | JWTVerifyGetKey;

/**
 * Verifies bearer tokens with an explicit algorithm allow-list tied to the key kind: a shared
 * secret accepts only HS256, public keys only RS256/ES256. So `alg: none` never passes, and a
 * token signed with HS256 using the public key as the secret (the HS/RS confusion) is refused.
 * Issuer, audience, expiry and not-before are always checked, and so is the lifetime: a token
 * valid for longer than `maxLifetimeMinutes` is refused even when its signature is good.
 */
export class TokenVerifier {
  private constructor(
    private readonly settings: AuthSettings,
    private readonly key: Key,
    private readonly algorithms: readonly string[],
  ) {}

  static async create(settings: AuthSettings): Promise<TokenVerifier> {
    if (settings.jwksUrl) {
      // jose caches the keys and refetches (at most every 30 s) when a token names an unknown kid.
      const jwks = createRemoteJWKSet(new URL(settings.jwksUrl), { timeoutDuration: 5000 });
      return new TokenVerifier(settings, jwks, ['RS256', 'ES256']);
    }
    if (settings.jwks) {
      const jwks = createLocalJWKSet(JSON.parse(settings.jwks) as Parameters<typeof createLocalJWKSet>[0]);
      return new TokenVerifier(settings, jwks, ['RS256', 'ES256']);
    }
    if (settings.publicKeyPem) {
      const algorithm = createPublicKey(settings.publicKeyPem).asymmetricKeyType === 'ec' ? 'ES256' : 'RS256';
      return new TokenVerifier(settings, await importSPKI(settings.publicKeyPem, algorithm), [algorithm]);
    }
    if (settings.secret) {
      // Imported once: given the raw bytes, jose imports them into WebCrypto again for every
      // request, which cost more than the HMAC itself (8% of a command in a profile).
      const key = await webcrypto.subtle.importKey(
        'raw',
        new TextEncoder().encode(settings.secret),
        { name: 'HMAC', hash: 'SHA-256' },
        false,
        ['verify'],
      );
      return new TokenVerifier(settings, key, ['HS256']);
    }
    throw new Error(
      'No token key is configured: set BRANCHFLOW_JWT_SECRET, BRANCHFLOW_JWT_PUBLIC_KEY, BRANCHFLOW_JWKS_FILE or BRANCHFLOW_JWKS_URL.',
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
    const tooLong = lifetimeProblem(payload, this.settings.maxLifetimeMinutes * 60, Date.now() / 1000);
    if (tooLong) throw new InvalidToken(tooLong);
    const { sub, name, role, committeeId } = payload;
    if (typeof sub !== 'string' || sub.length === 0) throw new InvalidToken('the token names no subject');
    if (!isRole(role)) throw new InvalidToken('the token carries no known role');
    if (committeeId !== undefined && typeof committeeId !== 'string')
      throw new InvalidToken('committeeId must be a string');
    return { id: sub, name: typeof name === 'string' && name ? name : sub, role, committeeId: committeeId ?? null };
  }
}

/** Issuer and API clocks may disagree by this much when a token is judged against "now". */
const CLOCK_SKEW_SECONDS = 60;

/**
 * Why a token lives too long, or null. Its own `exp - iat` must fit the maximum; and whatever
 * `iat` says (it may be absent, or set in the future to shrink that difference), the token must
 * not stay valid for longer than the maximum from now on.
 */
function lifetimeProblem(payload: Record<string, unknown>, maxSeconds: number, nowSeconds: number): string | null {
  // jwtVerify has required `exp` and checked that `exp` and `iat` are numbers when present.
  const exp = payload.exp as number;
  const iat = payload.iat as number | undefined;
  const limit = `the maximum of ${maxSeconds / 60} minutes (BRANCHFLOW_JWT_MAX_LIFETIME_MINUTES)`;
  if (iat !== undefined && exp - iat > maxSeconds) {
    return `the token is valid for ${Math.round((exp - iat) / 60)} minutes, beyond ${limit}`;
  }
  if (exp - nowSeconds > maxSeconds + CLOCK_SKEW_SECONDS) {
    return `the token stays valid for ${Math.round((exp - nowSeconds) / 60)} more minutes, beyond ${limit}`;
  }
  return null;
}
