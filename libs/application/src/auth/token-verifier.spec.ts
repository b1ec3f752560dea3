import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER, type AuthSettings } from './auth-settings';
import { InvalidToken, TokenVerifier } from './token-verifier';

const base: AuthSettings = {
  issuer: DEFAULT_ISSUER,
  audience: DEFAULT_AUDIENCE,
  secret: null,
  publicKeyPem: null,
  jwks: null,
  jwksUrl: null,
  maxLifetimeMinutes: 720,
};
const claims = { role: 'auditor', name: '审计员' };

function sign(alg: string, key: Parameters<SignJWT['sign']>[0], build: (jwt: SignJWT) => SignJWT = (jwt) => jwt) {
  return build(
    new SignJWT(claims)
      .setProtectedHeader({ alg, kid: 'k1' })
      .setSubject('auditor-1')
      .setIssuer(DEFAULT_ISSUER)
      .setAudience(DEFAULT_AUDIENCE)
      .setExpirationTime('1h'),
  ).sign(key);
}

describe('TokenVerifier', () => {
  it('accepts RS256 tokens against a PEM public key, and refuses the HS256 "public key as secret" forgery', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
    const pem = await exportSPKI(publicKey);
    const verifier = await TokenVerifier.create({ ...base, publicKeyPem: pem });
    await expect(verifier.verify(await sign('RS256', privateKey))).resolves.toMatchObject({
      id: 'auditor-1',
      role: 'auditor',
    });
    const forged = await sign('HS256', new TextEncoder().encode(pem));
    await expect(verifier.verify(forged)).rejects.toBeInstanceOf(InvalidToken);
  });

  it('accepts ES256 tokens against an EC key, and from a JWKS document', async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
    const pemVerifier = await TokenVerifier.create({ ...base, publicKeyPem: await exportSPKI(publicKey) });
    const token = await sign('ES256', privateKey);
    await expect(pemVerifier.verify(token)).resolves.toMatchObject({ name: '审计员' });
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256' };
    const jwksVerifier = await TokenVerifier.create({ ...base, jwks: JSON.stringify({ keys: [jwk] }) });
    await expect(jwksVerifier.verify(token)).resolves.toMatchObject({ role: 'auditor' });
  });

  it("accepts tokens signed with a key from the provider's JWKS URL, fetched when first needed", async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
    const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' }] });
    let fetched = 0;
    const server = createServer((_request, response) => {
      fetched += 1;
      response.writeHead(200, { 'Content-Type': 'application/json' }).end(jwks);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const verifier = await TokenVerifier.create({ ...base, jwksUrl: `http://127.0.0.1:${port}/jwks` });
      expect(fetched).toBe(0);
      await expect(verifier.verify(await sign('RS256', privateKey))).resolves.toMatchObject({ role: 'auditor' });
      await expect(verifier.verify(await sign('RS256', privateKey))).resolves.toMatchObject({ id: 'auditor-1' });
      expect(fetched).toBe(1);
      const other = await generateKeyPair('RS256');
      await expect(verifier.verify(await sign('RS256', other.privateKey))).rejects.toBeInstanceOf(InvalidToken);
    } finally {
      server.close();
    }
  });

  it('with a shared secret accepts HS256 only, and checks expiry, issuer and audience', async () => {
    const secret = 'a-shared-secret-of-at-least-thirty-two-chars';
    const key = new TextEncoder().encode(secret);
    const verifier = await TokenVerifier.create({ ...base, secret });
    await expect(verifier.verify(await sign('HS256', key))).resolves.toMatchObject({ committeeId: null });
    await expect(verifier.verify(await sign('HS512', key))).rejects.toBeInstanceOf(InvalidToken);
    await expect(
      verifier.verify(await sign('HS256', key, (jwt) => jwt.setExpirationTime(Math.floor(Date.now() / 1000) - 10))),
    ).rejects.toBeInstanceOf(InvalidToken);
    await expect(verifier.verify(await sign('HS256', key, (jwt) => jwt.setAudience('other')))).rejects.toBeInstanceOf(
      InvalidToken,
    );
    await expect(verifier.verify(await sign('HS256', key, (jwt) => jwt.setIssuer('other')))).rejects.toBeInstanceOf(
      InvalidToken,
    );
  });

  describe('with a maximum lifetime of 12 hours', () => {
    const secret = 'a-shared-secret-of-at-least-thirty-two-chars';
    const key = new TextEncoder().encode(secret);
    const now = Math.floor(Date.now() / 1000);
    const hours = (n: number) => n * 3600;
    const verifier = () => TokenVerifier.create({ ...base, secret, maxLifetimeMinutes: 720 });
    const withTimes = (times: { iat?: number; exp: number }) =>
      sign('HS256', key, (jwt) => {
        const timed = jwt.setExpirationTime(times.exp);
        return times.iat === undefined ? timed : timed.setIssuedAt(times.iat);
      });

    it('accepts a token issued for exactly the maximum, and one without iat that expires within it', async () => {
      const verify = await verifier();
      await expect(verify.verify(await withTimes({ iat: now, exp: now + hours(12) }))).resolves.toMatchObject({
        id: 'auditor-1',
      });
      await expect(verify.verify(await withTimes({ exp: now + hours(11) }))).resolves.toMatchObject({
        role: 'auditor',
      });
    });

    it('refuses a 30-day token, even in its last hours, since it was issued for longer than the maximum', async () => {
      const verify = await verifier();
      await expect(verify.verify(await withTimes({ iat: now, exp: now + hours(24 * 30) }))).rejects.toThrow(
        /valid for 43200 minutes, beyond the maximum of 720 minutes \(BRANCHFLOW_JWT_MAX_LIFETIME_MINUTES\)/,
      );
      const old = await withTimes({ iat: now - hours(24 * 30 - 1), exp: now + hours(1) });
      await expect(verify.verify(old)).rejects.toBeInstanceOf(InvalidToken);
      await expect(verify.verify(await withTimes({ iat: now, exp: now + hours(12) + 1 }))).rejects.toBeInstanceOf(
        InvalidToken,
      );
    });

    it('refuses a token without iat, or with iat set ahead, that stays valid beyond the maximum from now', async () => {
      const verify = await verifier();
      await expect(verify.verify(await withTimes({ exp: now + hours(24 * 30) }))).rejects.toThrow(
        /stays valid for \d+ more minutes, beyond the maximum of 720 minutes/,
      );
      // iat in the future makes exp - iat look short; the token would still be good for 30 days.
      const ahead = await withTimes({ iat: now + hours(24 * 30 - 1), exp: now + hours(24 * 30) });
      await expect(verify.verify(ahead)).rejects.toBeInstanceOf(InvalidToken);
    });

    it('allows a minute of clock difference between the issuer and the API', async () => {
      const verify = await verifier();
      // An issuer whose clock runs 30 s ahead mints a full-length token.
      await expect(verify.verify(await withTimes({ iat: now + 30, exp: now + 30 + hours(12) }))).resolves.toMatchObject(
        { id: 'auditor-1' },
      );
    });

    it('applies the configured maximum, whatever it is', async () => {
      const short = await TokenVerifier.create({ ...base, secret, maxLifetimeMinutes: 15 });
      await expect(short.verify(await withTimes({ iat: now, exp: now + 15 * 60 }))).resolves.toBeDefined();
      await expect(short.verify(await withTimes({ iat: now, exp: now + hours(1) }))).rejects.toThrow(
        'beyond the maximum of 15 minutes',
      );
    });
  });

  it('refuses a token without a known role or subject', async () => {
    const secret = 'a-shared-secret-of-at-least-thirty-two-chars';
    const verifier = await TokenVerifier.create({ ...base, secret });
    const rootless = await new SignJWT({ role: 'root' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .setIssuer(DEFAULT_ISSUER)
      .setAudience(DEFAULT_AUDIENCE)
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(secret));
    await expect(verifier.verify(rootless)).rejects.toThrow('no known role');
  });
});
