import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { trimStreamOnce } from '../src/realtime/stream-trim';
import { withRedisAdmin } from './presence-backends';
import { testRedisUrl } from './services';

const GRACE_MS = 120_000;
const MINUTE_MS = 60_000;

describe.runIf(testRedisUrl)("trimming Socket.IO's stream by age", () => {
  it('keeps what a client back within the reconnect grace may replay, and drops the rest', async () => {
    const stream = `kh-test-${randomBytes(6).toString('hex')}:socket.io`;
    await withRedisAdmin(testRedisUrl!, async (redis) => {
      try {
        const nowMs = Date.now();
        const ages = [10, 5, 3, 2, 1, 0.25, 0];
        for (const minutes of ages) {
          await redis.xAdd(stream, `${nowMs - minutes * MINUTE_MS}-0`, { type: '3' });
        }

        const removed = await trimStreamOnce(redis, stream, GRACE_MS, nowMs);

        const kept = await redis.xRange(stream, '-', '+');
        const keptAges = kept.map(({ id }) => (nowMs - Number(id.split('-')[0])) / MINUTE_MS);
        expect(keptAges).toEqual([2, 1, 0.25, 0]);
        expect(removed).toBe(3);
      } finally {
        await redis.del(stream);
      }
    });
  });
});
