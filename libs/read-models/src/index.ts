export * from './database/read-model-database';
export * from './projection/projection';
export * from './projection/generations';
export * from './projection/projection-runner';
export * from './organisation/organisation-now.projection';
export * from './organisation/organisation-queries';
