import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** Jest globalSetup of the console project: dist/console up to date before any browser test. */
export default function buildConsole(): void {
  const root = join(__dirname, '..', '..');
  const build = spawnSync(process.execPath, [join(root, 'scripts', 'build-if-stale.mjs'), 'console'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error(`building the console failed (exit ${build.status ?? build.signal})`);
}
