export * from './database/read-model-database';
export * from './projection/projection';
export * from './projection/generations';
export * from './projection/projection-runner';
