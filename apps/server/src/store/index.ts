/** The durable store: records that outlive a process. See CONTEXT.md. */
export * from './types';
export * from './errors';
export { openStore, openMemoryStore, type OpenStoreOptions, type StoreLogger } from './open-store';
