import type { ErrorCode } from '@kohtaamo/protocol';

/** A refusal to answer a client event with; the dispatcher turns it into `{ok:false, error}`. */
export class RealtimeError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'RealtimeError';
  }
}

export const refusalMessages = {
  TABLE_FULL: 'The table is full',
  TABLE_LOCKED: 'The table is locked',
  TABLE_CLOSED: 'The table is closed',
} as const;
