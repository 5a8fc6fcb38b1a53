import { z } from 'zod';

/** Every error the API or the realtime layer can answer with. */
export const ErrorCode = {
  INVALID: 'INVALID',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  INVALID_CREDENTIALS: 'INVALID_CREDENTIALS',
  ALREADY_REGISTERED: 'ALREADY_REGISTERED',
  EMAIL_TAKEN: 'EMAIL_TAKEN',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  RATE_LIMITED: 'RATE_LIMITED',
  /** Too many failed sign-ins to this email address lately; answered whatever the password. */
  ACCOUNT_LOCKED: 'ACCOUNT_LOCKED',
  STORE_UNAVAILABLE: 'STORE_UNAVAILABLE',
  INTERNAL: 'INTERNAL',
  NOT_REGISTERED: 'NOT_REGISTERED',
  TABLE_FULL: 'TABLE_FULL',
  TABLE_LOCKED: 'TABLE_LOCKED',
  TABLE_CLOSED: 'TABLE_CLOSED',
  /** Media: presence does not show the person at the place whose call they ask for. */
  NOT_SEATED: 'NOT_SEATED',
  /** Media: the person named is not someone the asker may signal to at that place. */
  NOT_PEER: 'NOT_PEER',
  /** Media: the mesh stage has as many viewers as it can serve; larger audiences need LiveKit. */
  MEDIA_FULL: 'MEDIA_FULL',
  /** The person asked has blocked the asker. */
  BLOCKED: 'BLOCKED',
  /** The asker's earlier request to the same person is still waiting for an answer. */
  EXCHANGE_PENDING: 'EXCHANGE_PENDING',
  /** The person asked declined the asker before; only they can start an exchange now. */
  EXCHANGE_DECLINED: 'EXCHANGE_DECLINED',
  /** The request was already answered or withdrawn. */
  EXCHANGE_CLOSED: 'EXCHANGE_CLOSED',
  ALREADY_CONTACTS: 'ALREADY_CONTACTS',
  /** Moderation: the person is not in the fair right now, or not at the place named. */
  NOT_PRESENT: 'NOT_PRESENT',
  /** Erasing a fair's personal data: only a closed fair's. */
  FAIR_NOT_CLOSED: 'FAIR_NOT_CLOSED',
  /** Deleting an account that is the only organiser of a fair others are registered for. */
  SOLE_ORGANISER: 'SOLE_ORGANISER',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export const errorIssueSchema = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
});
export type ErrorIssue = z.infer<typeof errorIssueSchema>;

export const apiErrorSchema = z.object({
  code: z.enum(Object.values(ErrorCode) as [ErrorCode, ...ErrorCode[]]),
  message: z.string(),
  issues: z.array(errorIssueSchema).optional(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

/** The body of every failed REST response and every failed socket acknowledgement. */
export const errorBodySchema = z.object({ ok: z.literal(false), error: apiErrorSchema });
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** HTTP status that belongs to each error code, so server and client agree. */
export const httpStatusOf: Record<ErrorCode, number> = {
  INVALID: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  ALREADY_REGISTERED: 409,
  EMAIL_TAKEN: 409,
  NOT_REGISTERED: 403,
  TABLE_FULL: 409,
  TABLE_LOCKED: 409,
  TABLE_CLOSED: 409,
  NOT_SEATED: 403,
  NOT_PEER: 403,
  MEDIA_FULL: 409,
  BLOCKED: 403,
  EXCHANGE_PENDING: 409,
  EXCHANGE_DECLINED: 409,
  EXCHANGE_CLOSED: 409,
  ALREADY_CONTACTS: 409,
  NOT_PRESENT: 409,
  FAIR_NOT_CLOSED: 409,
  SOLE_ORGANISER: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  ACCOUNT_LOCKED: 429,
  INTERNAL: 500,
  STORE_UNAVAILABLE: 503,
};
