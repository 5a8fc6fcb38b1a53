import { describe, expect, it } from 'vitest';
import { lockedUntil } from '../src/domain/sign-in-lockout';
import type { Store } from '../src/store/types';
import { storeBackends, useStore } from './store-backends';
import { unique } from './store-fixtures';

const policy = { failures: 5, windowMs: 60_000, lockMs: 300_000 };
const now = new Date('2026-03-10T10:00:00Z');

describe.each(storeBackends)('sign-in lock-outs in the store ($name)', (backend) => {
  let store: Store;
  useStore(backend, (opened) => (store = opened));

  it('counts failures that arrive at once, as from several nodes, and locks at the limit', async () => {
    const key = unique('email-key');
    await Promise.all(
      Array.from({ length: policy.failures }, () =>
        store.signInLockouts.recordFailure(key, now, policy),
      ),
    );
    const state = await store.signInLockouts.find(key);
    expect(lockedUntil(state, now)).toEqual(new Date(now.getTime() + policy.lockMs));
  });

  it('forgets an address once its failures are cleared', async () => {
    const key = unique('email-key');
    await store.signInLockouts.recordFailure(key, now, policy);
    expect((await store.signInLockouts.find(key))?.failures).toBe(1);
    await store.signInLockouts.clear(key);
    expect(await store.signInLockouts.find(key)).toBeNull();
  });

  it('drops rows of other addresses whose window and lock are over', async () => {
    const stale = unique('stale-key');
    await store.signInLockouts.recordFailure(stale, now, policy);
    const later = new Date(now.getTime() + policy.windowMs + 1);
    await store.signInLockouts.recordFailure(unique('fresh-key'), later, policy);
    expect(await store.signInLockouts.find(stale)).toBeNull();
  });
});
