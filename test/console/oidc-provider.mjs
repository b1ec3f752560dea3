// A real OpenID provider (the certified `oidc-provider`) on loopback, for the console's sign-in
// test. Started as a child process (the package is ES modules only):
//   node oidc-provider.mjs <port> <redirect uri>
// It prints `ready <issuer>` once it listens. One public client, branchflow-console, signs in
// with authorization code and PKCE; its development login form accepts any login, and each
// account's role comes from ACCOUNTS. Access tokens for the API are RS256 JWTs for the resource
// urn:branchflow:api, with audience branchflow-api and the `role` and `name` claims it reads.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import Provider from 'oidc-provider';

const [portArgument, redirectUri] = process.argv.slice(2);
const port = Number(portArgument);
if (!port || !redirectUri) throw new Error('usage: oidc-provider.mjs <port> <redirect uri>');
const issuer = `http://127.0.0.1:${port}`;

export const ACCOUNTS = {
  'wang-auditor': { name: '王审计', role: 'auditor' },
  'li-admin': { name: '李办事员', role: 'admin' },
};
const RESOURCE = 'urn:branchflow:api';

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: 'test-key', use: 'sig', alg: 'RS256' };

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: 'branchflow-console',
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code'],
      response_types: ['code'],
      redirect_uris: [redirectUri],
      post_logout_redirect_uris: [redirectUri.replace(/\/callback$/, '/sign-in')],
    },
  ],
  jwks: { keys: [signingKey] },
  cookies: { keys: [randomBytes(32).toString('hex')] },
  claims: { openid: ['sub'], profile: ['name'] },
  async findAccount(_ctx, id) {
    return { accountId: id, claims: () => ({ sub: id, name: ACCOUNTS[id]?.name ?? id }) };
  },
  // The role the API reads, in the access token, from the account.
  async extraTokenClaims(_ctx, token) {
    const account = ACCOUNTS[token.accountId];
    return account ? { role: account.role, name: account.name } : undefined;
  },
  features: {
    devInteractions: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => RESOURCE,
      useGrantedResource: () => true,
      getResourceServerInfo: (_ctx, resource) => {
        if (resource !== RESOURCE) throw new Provider.errors.InvalidTarget();
        return {
          audience: 'branchflow-api',
          scope: 'openid profile',
          accessTokenTTL: 3600,
          accessTokenFormat: 'jwt',
          jwt: { sign: { alg: 'RS256' } },
        };
      },
    },
  },
  // Every first-party grant the console asks for is given without a consent page.
  async loadExistingGrant(ctx) {
    const grant = new provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid profile');
    grant.addResourceScope(RESOURCE, 'openid profile');
    await grant.save();
    return grant;
  },
});

const server = provider.listen(port, '127.0.0.1', () => process.stdout.write(`ready ${issuer}\n`));
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => server.close(() => process.exit(0)));
