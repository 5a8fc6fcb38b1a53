/** The single source of truth for what crosses the wire between server and web. */
export { PROTOCOL_VERSION } from './version';

export * from './errors';
export * from './common';
export * from './auth';
export * from './fairs';
export * from './fair-status';
export * from './agenda';
export * from './registrations';
export * from './api';
export * from './contacts';
export * from './meetings';
export * from './report';
export * from './realtime';
export * from './media';
export * from './broadcast';
export * from './chat';
export * from './help';
export * from './moderation';
export * from './live-agenda';
export * from './rounds';
export * from './presence-sync';
