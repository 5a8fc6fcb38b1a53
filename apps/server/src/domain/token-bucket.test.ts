import { describe, expect, it } from 'vitest';
import { createTokenBucket } from './token-bucket';

describe('token bucket', () => {
  it('lets a burst of its capacity through, then refuses with the wait for the next token', () => {
    const bucket = createTokenBucket(3, 3000, 0);
    expect([1, 2, 3].map(() => bucket.take(0).ok)).toEqual([true, true, true]);
    expect(bucket.take(0)).toEqual({ ok: false, retryAfterMs: 1000 });
    expect(bucket.take(400)).toEqual({ ok: false, retryAfterMs: 600 });
  });

  it('refills evenly over its period and never beyond its capacity', () => {
    const bucket = createTokenBucket(3, 3000, 0);
    for (let i = 0; i < 3; i += 1) bucket.take(0);
    expect(bucket.take(1000).ok).toBe(true);
    expect(bucket.take(1000).ok).toBe(false);
    const rested = [1, 2, 3, 4].map(() => bucket.take(60_000).ok);
    expect(rested).toEqual([true, true, true, false]);
  });

  it('refills nothing when the clock steps back', () => {
    const bucket = createTokenBucket(1, 1000, 5000);
    expect(bucket.take(5000).ok).toBe(true);
    expect(bucket.take(1000).ok).toBe(false);
    expect(bucket.take(5999).ok).toBe(false);
    expect(bucket.take(6000).ok).toBe(true);
  });
});
