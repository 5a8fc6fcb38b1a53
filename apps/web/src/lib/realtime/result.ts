import { ackErrorSchema, type ErrorCode } from '@kohtaamo/protocol';

/** The server's error codes, plus the failures only the client can see. */
export type RealtimeErrorCode =
  | ErrorCode
  /** No acknowledgement in time: the network or the server is slow or gone. */
  | 'TIMEOUT'
  /** Not connected right now, so nothing was sent. */
  | 'OFFLINE'
  /** The acknowledgement did not match the protocol. */
  | 'UNEXPECTED_RESPONSE';

export interface RealtimeError {
  code: RealtimeErrorCode;
  message: string;
}

export type RealtimeResult<T> = { ok: true; data: T } | { ok: false; error: RealtimeError };

/** The part of a zod schema used to check data that arrives. */
export interface CheckSchema<T> {
  safeParse(input: unknown): { success: true; data: T } | { success: false };
}

export function failure(code: RealtimeErrorCode, message: string): RealtimeResult<never> {
  return { ok: false, error: { code, message } };
}

function isSuccess(raw: unknown): raw is { ok: true; data: unknown } {
  return typeof raw === 'object' && raw !== null && 'ok' in raw && raw.ok === true;
}

/**
 * Reads an acknowledgement: `{ ok: true, data }` with data matching the event's result schema,
 * or the protocol's error body. Anything else is reported rather than trusted.
 */
export function readAck<T>(schema: CheckSchema<T>, raw: unknown): RealtimeResult<T> {
  if (isSuccess(raw)) {
    const parsed = schema.safeParse(raw.data);
    if (parsed.success) return { ok: true, data: parsed.data };
    return failure('UNEXPECTED_RESPONSE', 'The acknowledgement data does not match the protocol');
  }
  const error = ackErrorSchema.safeParse(raw);
  if (error.success) return { ok: false, error: error.data.error };
  return failure('UNEXPECTED_RESPONSE', 'The acknowledgement is not in the protocol');
}
