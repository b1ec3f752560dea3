/** @type {import('jest').Config} */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

const shared = {
  rootDir: __dirname,
  transform: { '^.+\\.(t|j)s$': swc },
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs|file-type|load-esm|uid|strtok3|token-types|peek-readable|@tokenizer|jose|@apidevtools)/)',
  ],
  moduleNameMapper: {
    '^@app/(domain|event-store|application|read-models)$': '<rootDir>/libs/$1/src',
    '^@app/(domain|event-store|application|read-models)/(.*)$': '<rootDir>/libs/$1/src/$2',
  },
  testEnvironment: 'node',
  // TypeScript first, so a stray compiled .js beside a source can never shadow it.
  moduleFileExtensions: ['ts', 'js', 'json', 'node'],
};

module.exports = {
  // Suites boot the API on their own SQLite files: on a shared 2-core machine that alone can pass
  // jest's default 5 s, which says nothing about the product. (A project-level value is ignored.)
  testTimeout: 30_000,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    { ...shared, displayName: 'integration', testMatch: ['<rootDir>/{apps,libs}/**/*.int-spec.ts'] },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/console/'],
    },
    // The web console in Chromium, served by the API: builds the console first when a source
    // changed (scripts/build-if-stale.mjs), once per run, before any test reads dist/console.
    {
      ...shared,
      displayName: 'console',
      testMatch: ['<rootDir>/test/console/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/console/build-console.ts',
    },
  ],
};
