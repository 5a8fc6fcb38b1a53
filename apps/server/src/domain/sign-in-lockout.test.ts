import { describe, expect, it } from 'vitest';
import { afterFailure, type LockoutState, lockedUntil } from './sign-in-lockout';

const policy = { failures: 3, windowMs: 60_000, lockMs: 120_000 };
const at = (seconds: number) => new Date(Date.UTC(2026, 2, 10, 10, 0, seconds));

function fail(times: number, from: LockoutState | null = null, secondsApart = 1, start = 0) {
  let state = from;
  for (let i = 0; i < times; i += 1)
    state = afterFailure(state, at(start + i * secondsApart), policy);
  return state;
}

describe('sign-in lock-out', () => {
  it('locks after the third failure within the window, for the lock time', () => {
    expect(lockedUntil(fail(2), at(2))).toBeNull();
    const locked = fail(3);
    expect(lockedUntil(locked, at(2))).toEqual(at(122));
    expect(lockedUntil(locked, at(122))).toBeNull();
  });

  it('forgets failures older than the window', () => {
    expect(lockedUntil(fail(3, null, 40), at(80))).toBeNull();
  });

  it('does not count failures while locked, so the lock ends on time', () => {
    const locked = fail(3);
    const hammered = fail(50, locked, 1, 3);
    expect(lockedUntil(hammered, at(60))).toEqual(at(122));
  });

  it('starts counting afresh after a lock has run out', () => {
    const locked = fail(3);
    const again = afterFailure(locked, at(130), policy);
    expect(again).toEqual({ failures: 1, windowStartedAt: at(130), lockedUntil: null });
  });
});
