/** Raised whenever a change to the protocol would break a page loaded before it. */
export const PROTOCOL_VERSION = 1;
