/** A unique constraint was hit (email taken, slug taken, already registered). */
export class UniqueViolationError extends Error {
  constructor(readonly constraint: string) {
    super(`Unique constraint violated: ${constraint}`);
    this.name = 'UniqueViolationError';
  }
}

/** An id in the input points outside the fair (a room, a speaker, a theme). */
export class InvalidReferenceError extends Error {
  constructor(
    readonly path: (string | number)[],
    message: string,
  ) {
    super(message);
    this.name = 'InvalidReferenceError';
  }
}

/** The database cannot be reached; callers answer STORE_UNAVAILABLE rather than pretend. */
export class StoreUnavailableError extends Error {
  constructor(cause: unknown) {
    super('The database is unavailable', { cause });
    this.name = 'StoreUnavailableError';
  }
}

/** Names of the unique constraints, as `UniqueViolationError.constraint` reports them. */
export const uniqueConstraints = {
  accountEmail: 'accounts_email_unique',
  fairSlug: 'fairs_slug_unique',
  fairInviteCode: 'fairs_invite_code_unique',
  registrationFairAccount: 'registrations_fair_account_unique',
} as const;
