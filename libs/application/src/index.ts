export * from './config/app-config';
export * from './config/load-config';
export * from './config/app-config.module';
export * from './event-store/event-store-config';
export * from './event-store/event-store.module';
export * from './event-store/ping-store';
export * from './logging/logging.module';
export * from './logging/request-id';
