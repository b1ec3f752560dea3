import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * The console's API types are generated from the API's OpenAPI document and committed; when a
 * route, a DTO or a response schema changes, this fails until `npm run console:api` is run.
 */
describe("the console's generated API client", () => {
  it('is up to date with the OpenAPI document the API serves', () => {
    const root = join(__dirname, '..', '..');
    const check = spawnSync(
      process.execPath,
      ['-r', '@swc-node/register', join(root, 'scripts', 'console-api.ts'), '--check'],
      { cwd: root, encoding: 'utf8', timeout: 120_000 },
    );
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  }, 130_000);
});
