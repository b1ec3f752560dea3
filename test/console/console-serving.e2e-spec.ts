import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { App } from 'supertest/types';
import { bootApi, type BootedApi } from '../api/boot-api';

const DIST = join(__dirname, '..', '..', 'dist', 'console');

/** /console: the built single-page app from dist/console, with its cache and security headers. */
describe('the console served at /console', () => {
  let api: BootedApi;
  let http: App;
  beforeAll(async () => {
    api = await bootApi({ auth: 'explicit' });
    http = api.app.getHttpServer();
  });
  afterAll(() => api.close());

  const entryScript = (): string => {
    const script = readdirSync(join(DIST, 'assets')).find((name) => /^index-[\w-]+\.js$/.test(name));
    if (!script) throw new Error('dist/console has no entry script');
    return script;
  };

  it('answers index.html, never cached, with a CSP that allows only its own scripts', async () => {
    for (const path of ['/console', '/console/', '/console/org', '/console/sign-in?returnTo=%2Forg']) {
      const page = await request(http).get(path).expect(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.headers['cache-control']).toBe('no-cache');
      expect(page.text).toContain('<div id="root"></div>');
      expect(page.text).toContain(`/console/assets/${entryScript()}`);
      // No inline script: every <script> names a file of this origin.
      expect(page.text).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
      const csp = String(page.headers['content-security-policy']);
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("connect-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("frame-ancestors 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
    }
  });

  it('answers hashed assets as immutable for a year, and a missing one with 404, not the page', async () => {
    const asset = await request(http).get(`/console/assets/${entryScript()}`).expect(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const missing = await request(http).get('/console/assets/index-00000000.js').expect(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect(missing.body).toMatchObject({ code: 'NOT_FOUND' });
    await request(http).get('/console/assets/../../package.json').expect(404);
    await request(http)
      .get('/console/%2e%2e/package.json')
      .expect(200, /<div id="root">/);
  });

  it('leaves other methods and paths to the API', async () => {
    await request(http).post('/console/org').set('Content-Type', 'application/json').send({}).expect(404);
    await request(http).get('/consoles').expect(404);
  });

  it('answers its sign-in settings: development role picker here, no identity provider', async () => {
    const settings = await request(http).get('/console/config.json').expect(200);
    expect(settings.headers['cache-control']).toBe('no-store');
    expect(settings.body).toEqual({ devSignIn: true, oidc: null });
  });
});

describe('the console when it was not built', () => {
  let api: BootedApi;
  let empty: string;
  beforeAll(async () => {
    empty = mkdtempSync(join(tmpdir(), 'branchflow-no-console-'));
    api = await bootApi({ auth: 'explicit', env: { BRANCHFLOW_CONSOLE_DIR: empty } });
  });
  afterAll(async () => {
    await api.close();
    rmSync(empty, { recursive: true, force: true });
  });

  it('answers 503 problem+json saying to run npm run build, and the API runs on', async () => {
    const http = api.app.getHttpServer() as App;
    for (const path of ['/console', '/console/org']) {
      const answer = await request(http).get(path).expect(503);
      expect(answer.headers['content-type']).toContain('application/problem+json');
      expect(answer.body).toMatchObject({ status: 503, code: 'CONSOLE_NOT_BUILT', instance: path });
      expect(answer.body.detail).toContain('npm run build');
    }
    await request(http).get('/health/live').expect(200);
  });
});
