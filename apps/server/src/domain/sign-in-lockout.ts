/** Failed sign-ins to one email address, as stored. */
export interface LockoutState {
  failures: number;
  /** When the failures counted in `failures` began. */
  windowStartedAt: Date;
  /** Signing in to the address is refused until then; null when not locked. */
  lockedUntil: Date | null;
}

export interface LockoutPolicy {
  /** This many failures within `windowMs` lock the address. */
  failures: number;
  windowMs: number;
  lockMs: number;
}

/** The end of the lock in force at `now`, if any. */
export function lockedUntil(state: LockoutState | null, now: Date): Date | null {
  return state?.lockedUntil && state.lockedUntil > now ? state.lockedUntil : null;
}

/**
 * The state after one more failed sign-in at `now`. Failures while locked are not counted (the
 * password is not even checked then), so a lock ends when it says, however hard someone tries.
 * The window is fixed from its first failure: simple to store, and at most twice as lenient as
 * a sliding one at its edge.
 */
export function afterFailure(
  state: LockoutState | null,
  now: Date,
  policy: LockoutPolicy,
): LockoutState {
  if (state && lockedUntil(state, now)) return state;
  const windowOpen =
    state !== null &&
    state.lockedUntil === null &&
    now.getTime() - state.windowStartedAt.getTime() < policy.windowMs;
  const failures = windowOpen ? state.failures + 1 : 1;
  if (failures >= policy.failures) {
    return {
      failures: 0,
      windowStartedAt: now,
      lockedUntil: new Date(now.getTime() + policy.lockMs),
    };
  }
  return { failures, windowStartedAt: windowOpen ? state.windowStartedAt : now, lockedUntil: null };
}
