import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { NextFunction, Request, Response } from 'express';
import { problemType } from '../http/problem-details';

/** Where `npm run build` puts the console: dist/console under the repository (or image) root. */
export function defaultConsoleDir(): string {
  // This file runs from apps/api/src/console (tests, swc) or dist/apps/api/src/console (built):
  // the root is the nearest folder above with a package.json.
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, 'dist', 'console');
}

/** Vite writes content-hashed names under assets/: safe to cache for a year. */
const ASSET = /^\/assets\/[\w.-]+$/;
/** Other files at the top of the build (an icon); a client route never looks like one. */
const TOP_LEVEL_FILE = /^\/[\w-]+\.[a-z0-9]+$/i;
/** Served by the API's own routes under /console. */
const API_ROUTES = new Set(['/config.json']);

/**
 * Serves the built console under /console: hashed assets as immutable, index.html for every
 * client route (the single-page app's fallback) and never cached, so a new build is picked up
 * on the next load. Plain files, granting nothing: the data the console shows comes from API
 * routes that each check the bearer token. Mounted as Express middleware rather than a Nest
 * route so the API's route table and OpenAPI document stay the API.
 *
 * When the console was not built, /console answers 503 problem+json naming the command, and
 * the API itself runs on.
 */
export function consoleFiles(dir: string) {
  const root = resolve(dir);
  const index = join(root, 'index.html');
  return (request: Request, response: Response, next: NextFunction): void => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || API_ROUTES.has(request.path)) return next();
    const path = request.path;
    if (ASSET.test(path)) {
      if (!isFile(join(root, path))) return notFound(response, request.originalUrl);
      return response.sendFile(path.slice(1), { root, dotfiles: 'deny', maxAge: '365d', immutable: true }, (error) =>
        error ? next(error) : undefined,
      );
    }
    if (TOP_LEVEL_FILE.test(path) && path !== '/index.html' && isFile(join(root, path))) {
      return response.sendFile(path.slice(1), { root, dotfiles: 'deny', headers: { 'Cache-Control': 'no-cache' } });
    }
    if (path.startsWith('/assets/')) return notFound(response, request.originalUrl);
    if (!isFile(index)) return notBuilt(response, request.originalUrl);
    response.sendFile('index.html', { root, dotfiles: 'deny', lastModified: false, etag: true, headers: NO_CACHE });
  };
}

const NO_CACHE = { 'Cache-Control': 'no-cache' };

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function notBuilt(response: Response, instance: string): void {
  problem(
    response,
    503,
    'CONSOLE_NOT_BUILT',
    '管理台尚未构建：请在项目目录运行 npm run build（npm start 会在需要时自动构建）。',
    instance,
  );
}

function notFound(response: Response, instance: string): void {
  problem(response, 404, 'NOT_FOUND', '管理台中没有这个文件；请刷新页面以载入最新版本。', instance);
}

function problem(response: Response, status: number, code: string, detail: string, instance: string): void {
  const title = status === 503 ? 'Service Unavailable' : 'Not Found';
  response
    .status(status)
    .type('application/problem+json')
    .set('Cache-Control', 'no-store')
    .json({ type: problemType(code), title, status, detail, code, instance });
}
