import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/** The API `npm start` runs; `vite` (the development server) passes API calls through to it. */
const api = process.env.BRANCHFLOW_API_URL ?? `http://127.0.0.1:${process.env.PORT ?? '3000'}`;
const API_PATHS = [
  '/auth',
  '/console/config.json',
  '/org',
  '/committees',
  '/branches',
  '/members',
  '/elections',
  '/restructurings',
  '/campaigns',
  '/policies',
  '/audit',
  '/reports',
  '/feed',
];

/**
 * The console (管理台): a single-page app the API serves at /console from dist/console. Vite 8
 * compiles TSX itself (Oxc, automatic JSX runtime). Each screen is its own chunk (React.lazy), so
 * the first load is the shell only.
 */
export default defineConfig({
  root: here('.'),
  base: '/console/',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: here('../../dist/console'),
    emptyOutDir: true,
    target: 'es2022',
    // The bench measures what the browser receives; the warning's 500 kB (minified) is antd's size.
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      onwarn(warning, warn) {
        // antd marks its modules "use client" for React Server Components; meaningless in a SPA.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: { proxy: Object.fromEntries(API_PATHS.map((path) => [path, api])) },
});
