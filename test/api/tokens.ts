import { SignJWT, UnsecuredJWT } from 'jose';
import { mintToken, type AppConfig, type Role } from '@app/application';

/** A signed-in caller of each role, as the tests' default clients. */
export function tokenFor(config: AppConfig, role: Role, committeeId?: string): Promise<string> {
  return mintToken(config.auth, {
    subject: `test-${role}${committeeId ? `-${committeeId}` : ''}`,
    name: `测试${role}`,
    role,
    committeeId,
  });
}

const secretOf = (config: AppConfig): Uint8Array => new TextEncoder().encode(config.auth.secret ?? '');

/** Tokens an attacker or a misconfigured client might send; each must be refused with 401. */
export async function hostileTokens(config: AppConfig): Promise<Record<string, string>> {
  const now = Math.floor(Date.now() / 1000);
  const claims = { role: 'admin', name: 'intruder' };
  const signed = (build: (jwt: SignJWT) => SignJWT, key = secretOf(config)) =>
    build(new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject('intruder')).sign(key);
  return {
    expired: await signed((jwt) =>
      jwt
        .setIssuer(config.auth.issuer)
        .setAudience(config.auth.audience)
        .setIssuedAt(now - 7200)
        .setExpirationTime(now - 3600),
    ),
    notYetValid: await signed((jwt) =>
      jwt
        .setIssuer(config.auth.issuer)
        .setAudience(config.auth.audience)
        .setNotBefore(now + 3600)
        .setExpirationTime(now + 7200),
    ),
    wrongAudience: await signed((jwt) =>
      jwt
        .setIssuer(config.auth.issuer)
        .setAudience('another-api')
        .setExpirationTime(now + 3600),
    ),
    wrongIssuer: await signed((jwt) =>
      jwt
        .setIssuer('someone-else')
        .setAudience(config.auth.audience)
        .setExpirationTime(now + 3600),
    ),
    wrongKey: await signed(
      (jwt) =>
        jwt
          .setIssuer(config.auth.issuer)
          .setAudience(config.auth.audience)
          .setExpirationTime(now + 3600),
      new TextEncoder().encode('a-different-secret-that-nobody-configured'),
    ),
    algNone: new UnsecuredJWT(claims)
      .setSubject('intruder')
      .setIssuer(config.auth.issuer)
      .setAudience(config.auth.audience)
      .setExpirationTime(now + 3600)
      .encode(),
    garbage: 'not.a.token',
  };
}
