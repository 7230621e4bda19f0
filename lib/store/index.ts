/** Saved reports: schema with versions and migration, quarantine, JSON/CSV exchange, pre-fill plan. */
export * from './schema';
export * from './keys';
export * from './kv';
export * from './migrate';
export * from './store';
export * from './prior';
export * from './exchange';
export * from './prefill-plan';
export * from './write';
export * from './history';
export * from './link';
export * from './diff';
export * from './confirm';
export * from './site';
export * from './locale';
