import { spawn, type ChildProcess } from 'node:child_process';
import type { Server } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { bootApi, type BootedApi } from '../api/boot-api';
import { collectErrors, launchChromium, screenshot, VIEWPORT } from './browser';

/**
 * Production sign-in, end to end: a real OpenID provider (oidc-provider) on loopback, the API in
 * production configured with its issuer and JWKS URL and no shared secret, and the console in
 * Chromium signing in with authorization code and PKCE through the provider's login form.
 */
describe('console: OpenID Connect sign-in against a real provider', () => {
  let api: BootedApi;
  let provider: ChildProcess;
  let browser: Browser;
  let base: string;
  let issuer: string;

  beforeAll(async () => {
    const providerPort = await freePort();
    issuer = `http://127.0.0.1:${providerPort}`;
    api = await bootApi({
      auth: 'explicit',
      env: {
        NODE_ENV: 'production',
        BRANCHFLOW_OIDC_ISSUER: issuer,
        BRANCHFLOW_OIDC_CLIENT_ID: 'branchflow-console',
        BRANCHFLOW_OIDC_RESOURCE: 'urn:branchflow:api',
        BRANCHFLOW_JWKS_URL: `${issuer}/jwks`,
      },
    });
    const server: Server = api.app.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    base = `http://127.0.0.1:${address.port}`;
    provider = await startProvider(providerPort, `${base}/console/callback`);
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    provider?.kill('SIGTERM');
    await api?.close();
  });

  it("signs in through the provider's login page and lands signed in; the API accepts the provider's token", async () => {
    const page = await browser.newPage({ viewport: VIEWPORT, locale: 'zh-CN' });
    const errors = collectErrors(page, base);
    await page.goto(`${base}/console/org`);
    await page.waitForURL(/\/console\/sign-in\?returnTo=%2Forg$/);
    const signIn = page.getByRole('button', { name: /^登\s?录$/ });
    await signIn.waitFor();
    // Production: no role picker.
    expect(await page.getByText('以所选角色登录').count()).toBe(0);
    await screenshot(page, 'sign-in-oidc');

    await signIn.click();
    await page.waitForURL((url) => url.origin === issuer);
    // The provider's own login form (its development interactions): the account decides the role.
    await page.locator('input[name="login"]').fill('wang-auditor');
    await page.locator('input[name="password"]').fill('any');
    await page.locator('button[type="submit"]').click();

    // Back through /console/callback to where the clerk was going.
    await page.waitForURL(`${base}/console/org`, { timeout: 20_000 });
    const header = page.getByTestId('signed-in-as');
    await header.waitFor();
    expect(await header.innerText()).toMatch(/王审计[\s\S]*审计员/);
    // The tree answered (an empty organisation): the API verified the provider's token with its JWKS.
    await page.getByText('尚无在册的党组织').waitFor({ timeout: 15_000 });
    await screenshot(page, 'org-tree-signed-in-oidc');

    const stored = await page.evaluate<string | null>("sessionStorage.getItem('branchflow.console.session')");
    const token = (JSON.parse(stored ?? '{}') as { token?: string }).token;
    expect(token).toBeDefined();
    const [, payload] = token!.split('.');
    expect(JSON.parse(Buffer.from(payload!, 'base64url').toString())).toMatchObject({
      iss: issuer,
      aud: 'branchflow-api',
      role: 'auditor',
      sub: 'wang-auditor',
    });
    const verify = await fetch(`${base}/audit/verify`, { headers: { Authorization: `Bearer ${token}` } });
    expect(verify.status).toBe(200);
    const forged = await fetch(`${base}/audit/verify`, { headers: { Authorization: `Bearer ${token}x` } });
    expect(forged.status).toBe(401);

    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL(`${base}/console/sign-in`);
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        address && typeof address !== 'string' ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function startProvider(port: number, redirectUri: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(__dirname, 'oidc-provider.mjs'), String(port), redirectUri], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the OpenID provider did not start:\n${output}`)), 20_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('ready ')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the OpenID provider exited (${code}):\n${output}`));
    });
  });
}
