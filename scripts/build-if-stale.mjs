#!/usr/bin/env node
// Builds the named apps (api, worker, cli, console) only when a source they compile from is newer
// than their built entry file, so `npm run cli -- …` answers in a second instead of recompiling
// the whole CLI on every call. A checkout, a pull or an edit makes sources newer and rebuilds.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const TEST_FILE = /\.(spec|int-spec|e2e-spec)\.ts$/;
/** Files every app's build reads besides its own sources. */
const SHARED_INPUTS = ['libs', 'tsconfig.json', 'tsconfig.build.json', 'nest-cli.json', 'package-lock.json'];

/** The newest modification time under a path: files and folders (a deleted file changes its folder). */
function newest(path) {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return TEST_FILE.test(path) ? 0 : stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules') continue;
    latest = Math.max(latest, newest(join(path, entry)));
  }
  return latest;
}

/** What each app is built from, the file its build writes last, and the build itself. */
const TARGETS = {
  api: nestApp('api'),
  worker: nestApp('worker'),
  cli: nestApp('cli'),
  // The web console: its sources, Vite config and generated API types; libraries via the lock.
  console: {
    inputs: ['apps/console', 'package-lock.json'],
    output: 'dist/console/index.html',
    build: ['npx', ['vite', 'build', '--config', 'apps/console/vite.config.mts', '--logLevel', 'warn']],
    // Vite builds React's development edition when NODE_ENV says so (jest sets it to test).
    env: { NODE_ENV: 'production' },
  },
};

function nestApp(app) {
  return {
    inputs: [join('apps', app), ...SHARED_INPUTS],
    output: join('dist/apps', app, 'src/main.js'),
    build: ['npx', ['nest', 'build', app]],
  };
}

function builtAt(output) {
  try {
    return statSync(join(ROOT, output)).mtimeMs;
  } catch {
    return -1;
  }
}

const apps = process.argv.slice(2);
if (apps.length === 0 || apps.some((app) => !(app in TARGETS))) {
  process.stderr.write(`usage: build-if-stale.mjs <${Object.keys(TARGETS).join('|')}> …\n`);
  process.exit(2);
}
for (const app of apps) {
  const target = TARGETS[app];
  const sources = Math.max(...target.inputs.map((path) => newest(join(ROOT, path))));
  if (builtAt(target.output) >= sources) continue;
  const [command, args] = target.build;
  const build = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...target.env } });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
