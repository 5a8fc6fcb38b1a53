import { InvalidReferenceError, StoreUnavailableError, UniqueViolationError } from './errors';

interface PgErrorFields {
  code?: unknown;
  constraint?: unknown;
  detail?: unknown;
  message?: unknown;
  errors?: unknown;
  cause?: unknown;
}

/** Node socket errors that mean the server cannot be reached. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'EAI_AGAIN',
]);

/** SQLSTATEs of a server shutting down or refusing connections (class 08 is checked apart). */
const SHUTDOWN_CODES = new Set(['57P01', '57P02', '57P03']);

/** Messages node-postgres and PGlite use for a lost or closed connection; they carry no code. */
const CONNECTION_MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Cannot use a pool after calling end/i,
  /Client has encountered a connection error/i,
  /PGlite is closed/i,
];

/** The error and its causes, outermost first; drizzle wraps driver errors in `cause`. */
function causeChain(err: unknown): PgErrorFields[] {
  const chain: PgErrorFields[] = [];
  let current = err;
  while (typeof current === 'object' && current !== null && chain.length < 5) {
    chain.push(current as PgErrorFields);
    current = (current as PgErrorFields).cause;
  }
  return chain;
}

export interface PgErrorInfo {
  /** SQLSTATE, or a Node error code such as ECONNREFUSED. */
  code: string;
  constraint?: string;
  detail?: string;
}

/** The driver error inside `err`, wherever it sits in the cause chain. */
export function findPgError(err: unknown): PgErrorInfo | undefined {
  const link = causeChain(err).find((candidate) => typeof candidate.code === 'string');
  if (!link) return undefined;
  return {
    code: link.code as string,
    constraint: typeof link.constraint === 'string' ? link.constraint : undefined,
    detail: typeof link.detail === 'string' ? link.detail : undefined,
  };
}

function isConnectionFailure(link: PgErrorFields): boolean {
  if (typeof link.code === 'string') {
    if (NETWORK_CODES.has(link.code) || SHUTDOWN_CODES.has(link.code)) return true;
    if (/^08[0-9A-Z]{3}$/.test(link.code)) return true;
  }
  if (
    typeof link.message === 'string' &&
    CONNECTION_MESSAGES.some((re) => re.test(link.message as string))
  ) {
    return true;
  }
  // Connecting to a host with several addresses fails with an AggregateError of socket errors.
  return (
    Array.isArray(link.errors) &&
    link.errors.some((inner) => causeChain(inner).some(isConnectionFailure))
  );
}

/** Turns a driver error into the store's own errors; anything else is returned unchanged. */
export function toStoreError(err: unknown): unknown {
  if (
    err instanceof UniqueViolationError ||
    err instanceof InvalidReferenceError ||
    err instanceof StoreUnavailableError
  ) {
    return err;
  }
  const pgError = findPgError(err);
  if (pgError?.code === '23505') {
    return new UniqueViolationError(pgError.constraint ?? 'unknown');
  }
  if (pgError?.code === '23503') {
    // A referenced row is missing (an unknown account, or a row deleted meanwhile).
    return new InvalidReferenceError([], pgError.detail ?? 'A referenced record is missing');
  }
  if (causeChain(err).some(isConnectionFailure)) return new StoreUnavailableError(err);
  return err;
}

/** Wraps every method of a repository so that driver errors leave it as store errors. */
export function mapErrors<T extends object>(repository: T): T {
  const wrapped: Record<string, unknown> = {};
  for (const [name, member] of Object.entries(repository)) {
    if (typeof member !== 'function') {
      wrapped[name] = member;
      continue;
    }
    const method = member as (...args: unknown[]) => Promise<unknown>;
    wrapped[name] = async (...args: unknown[]) => {
      try {
        return await method.apply(repository, args);
      } catch (err) {
        throw toStoreError(err);
      }
    };
  }
  return wrapped as T;
}
