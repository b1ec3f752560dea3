/**
 * Layer rules (ARCHITECTURE.md): apps -> application -> (domain, event-store, read-models);
 * the domain imports nothing but itself; only the EventStoreDB and PostgreSQL adapters touch their clients.
 */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'libs/domain holds pure deciders: no framework, no I/O, no other layer, no Node built-ins.',
      severity: 'error',
      from: { path: '^libs/domain/', pathNot: '\\.spec\\.ts$' },
      to: { pathNot: '^libs/domain/' },
    },
    {
      name: 'eventstoredb-client-in-one-place',
      comment: 'Only the EventStoreDB adapter folder may import @eventstore/db-client.',
      severity: 'error',
      from: { pathNot: '^libs/event-store/src/adapters/eventstoredb/' },
      to: { path: '@eventstore/db-client' },
    },
    {
      name: 'pg-client-in-one-place',
      comment: 'Only the PostgreSQL adapter folder (and tests and benchmarks measuring it) may import pg.',
      severity: 'error',
      from: { pathNot: ['^libs/event-store/src/adapters/postgres/', '^test/', '^bench/'] },
      to: { path: 'node_modules/pg/' },
    },
    {
      name: 'libs-do-not-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'event-store-stands-alone',
      comment: 'The store knows nothing of the domain, the application or read models.',
      severity: 'error',
      from: { path: '^libs/event-store/' },
      to: { path: '^libs/(domain|application|read-models)/' },
    },
    {
      name: 'read-models-below-application',
      severity: 'error',
      from: { path: '^libs/read-models/' },
      to: { path: '^libs/application/' },
    },
    {
      name: 'apps-through-application',
      comment: 'Apps reach the domain and the store through the application layer or its public surface.',
      severity: 'error',
      from: { path: '^apps/', pathNot: '\\.spec\\.ts$' },
      to: { path: '^libs/(domain|event-store|read-models)/src/(?!index)' },
    },
    {
      name: 'app-specs-through-public-surface-or-fixtures',
      comment: "An app spec may also build its given events with the domain's own test fixtures.",
      severity: 'error',
      from: { path: '^apps/.*\\.spec\\.ts$' },
      to: { path: '^libs/(domain|event-store|read-models)/src/(?!index)', pathNot: '\\.fixtures\\.ts$' },
    },
    {
      name: 'domain-specs-use-test-tools-only',
      comment: 'Domain specs may add test libraries, nothing else from outside the domain.',
      severity: 'error',
      from: { path: '^libs/domain/.*\\.spec\\.ts$' },
      to: { pathNot: ['^libs/domain/', 'node_modules/(fast-check|@jest|jest)'] },
    },
    {
      name: 'console-stands-alone',
      comment:
        'The console is a browser app: it reaches the API over HTTP, through the types generated from its OpenAPI document (apps/console/src/api/schema.d.ts), never by importing server code.',
      severity: 'error',
      from: { path: '^apps/console/src/' },
      to: { pathNot: ['^apps/console/src/', 'node_modules/'] },
    },
    {
      name: 'nothing-imports-the-console',
      severity: 'error',
      from: { pathNot: '^apps/console/' },
      to: { path: '^apps/console/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(dist|coverage)/' },
  },
};
