export * from './port/json';
export * from './port/envelope';
export * from './port/expected-revision';
export * from './port/errors';
export * from './port/clock';
export * from './port/event-store.port';
export * from './chain/canonical-json';
export * from './chain/hash-chain';
export * from './append/plan-append';
export * from './upcasting/upcaster-registry';
export * from './upcasting/upcasting-event-store';
export * from './subscription/event-filter';
export * from './subscription/catch-up-subscription';
export * from './subscription/shared-feed';
export * from './adapters/memory/memory-event-store';
export * from './create-event-store';
export * from './subscription/position-tracker';
export * from './subscription/time-slice';
export * from './adapters/sqlite/sqlite-event-store';
export * from './adapters/sqlite/sqlite-driver';
export * from './adapters/sqlite/sqlite-faults';
export type {
  PostgresSessionLock,
  PostgresSessionLockOptions,
  SessionLockHolder,
} from './adapters/postgres/postgres-session-lock';
