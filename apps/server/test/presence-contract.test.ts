import { describe, expect, it } from 'vitest';
import { presenceBackends, withRedisAdmin } from './presence-backends';
import { describePresenceContract } from './presence-contract';
import { LOBBY, T0_MS, TTL_MS, person } from './presence-fixture';
import { testRedisUrl } from './services';

for (const backend of presenceBackends) {
  describePresenceContract(backend.name, (options) => backend.open(options));
}

describe.skipIf(!testRedisUrl)('redis presence', () => {
  const url = testRedisUrl ?? '';
  const redis = presenceBackends.find((backend) => backend.name === 'redis');

  it('keeps working after the script cache is flushed, as after a Redis restart', async () => {
    if (!redis) throw new Error('Redis backend expected');
    const { presence, dispose } = await redis.open({ ttlMs: TTL_MS });
    try {
      const fairId = 'a1b2c3d4-0000-4000-8000-000000000001';
      const aino = person();
      const move = { fairId, person: aino, to: LOBBY, owner: 'node-a:s', now: T0_MS };
      expect((await presence.move(move)).ok).toBe(true);
      await withRedisAdmin(url, (admin) => admin.scriptFlush());
      expect(await presence.heartbeat(fairId, [aino.id], T0_MS + 1)).toEqual([]);
      const left = await presence.release({ fairId, personId: aino.id, now: T0_MS + 2 });
      expect(left?.seq).toBe(2);
    } finally {
      await dispose();
    }
  });
});
