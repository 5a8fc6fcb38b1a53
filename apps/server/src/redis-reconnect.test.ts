import { describe, expect, it } from 'vitest';
import { reconnectDelayMs } from './redis-reconnect';

describe('reconnecting to Redis', () => {
  it('waits longer after each failed attempt, up to two seconds, and never gives up', () => {
    const noJitter = () => 0;
    expect([0, 1, 2, 3, 5, 6, 100].map((retries) => reconnectDelayMs(retries, noJitter))).toEqual([
      50, 100, 200, 400, 1600, 2000, 2000,
    ]);
    expect(reconnectDelayMs(3, () => 0.999)).toBe(400 + 199);
  });
});
