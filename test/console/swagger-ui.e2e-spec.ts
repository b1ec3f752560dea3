import type { Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { bootApi, type BootedApi } from '../api/boot-api';
import { tokenFor } from '../api/tokens';
import { collectErrors, launchChromium, screenshot, VIEWPORT } from './browser';

/** A name that is not localhost, as a bureau's intranet would give the server. */
const HOST_NAME = 'branchflow.intranet';

/**
 * The OpenAPI UI as someone on the bureau's intranet opens it: by a host name over plain HTTP
 * (no TLS, not a browser's "potentially trustworthy" localhost), then Authorize with a bearer
 * token and "Try it out" on the organisation tree.
 */
describe('the OpenAPI UI at /docs, from an intranet host name over plain HTTP', () => {
  let api: BootedApi;
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    api = await bootApi({ auth: 'explicit' });
    const server: Server = api.app.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    base = `http://${HOST_NAME}:${address.port}`;
    // The browser resolves the intranet name to this machine; everything else it sees is real.
    browser = await launchChromium([`--host-resolver-rules=MAP ${HOST_NAME} 127.0.0.1`]);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('renders the operations, and Authorize + Try it out on GET /org/tree answers 200', async () => {
    const page = await browser.newPage({ viewport: VIEWPORT });
    const errors = collectErrors(page);
    await page.goto(`${base}/docs`);
    const operations = page.locator('.opblock');
    await operations.first().waitFor();
    expect(await operations.count()).toBeGreaterThan(50);
    await screenshot(page, 'swagger-ui');

    await page.locator('button.authorize').first().click();
    const dialog = page.locator('.dialog-ux');
    await dialog
      .locator('input')
      .first()
      .fill(await tokenFor(api.config, 'auditor'));
    // The dialog's "Authorize" button is labelled for screen readers by what it does.
    await dialog.getByRole('button', { name: 'Apply credentials' }).click();
    await dialog.getByRole('button', { name: 'Close' }).click();

    const tree = page.locator('.opblock-get').filter({
      has: page.locator('.opblock-summary-path', { hasText: /^\/org\/tree$/ }),
    });
    await tree.locator('.opblock-summary-control').click();
    await tree.getByRole('button', { name: 'Try it out' }).click();
    await tree.getByRole('button', { name: 'Execute' }).click();
    // The first row is the table's header ("Code"); the answer's status is in the body.
    const status = tree.locator('.live-responses-table tbody .response-col_status').first();
    await status.waitFor();
    expect((await status.innerText()).trim()).toBe('200');
    await screenshot(page, 'swagger-ui-org-tree');
    expect(errors).toEqual([]);
  }, 60_000);
});
