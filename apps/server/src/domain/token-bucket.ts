/**
 * A token bucket: holds up to `capacity` tokens, refilled evenly so that it fills in `refillMs`.
 * Each action takes one; a burst up to the capacity passes, then one per `refillMs / capacity`.
 */
export interface TokenBucket {
  /** Takes a token at `nowMs`; when empty, says how long until the next one. */
  take(nowMs: number): { ok: true } | { ok: false; retryAfterMs: number };
}

export function createTokenBucket(capacity: number, refillMs: number, nowMs: number): TokenBucket {
  const msPerToken = refillMs / capacity;
  let tokens = capacity;
  let updatedAtMs = nowMs;
  return {
    take(now) {
      // A clock that steps back refills nothing rather than draining the bucket.
      const elapsed = Math.max(0, now - updatedAtMs);
      tokens = Math.min(capacity, tokens + elapsed / msPerToken);
      updatedAtMs = Math.max(updatedAtMs, now);
      if (tokens >= 1) {
        tokens -= 1;
        return { ok: true };
      }
      return { ok: false, retryAfterMs: Math.ceil((1 - tokens) * msPerToken) };
    },
  };
}
