import { randomBytes } from 'node:crypto';
import { createClient } from 'redis';
import { describe, expect, it } from 'vitest';
import { createMemoryPresence } from '../src/presence/memory-presence';
import { createRedisPresence } from '../src/presence/redis-presence';
import { describePresenceContract, type OpenedPresence } from './presence-contract';
import { LOBBY, T0_MS, TTL_MS, person } from './presence-fixture';
import { testRedisUrl } from './services';

describePresenceContract('memory', async (options) => ({
  presence: createMemoryPresence(options),
  dispose: async () => {},
}));

describe.skipIf(!testRedisUrl)('redis presence', () => {
  const url = testRedisUrl ?? '';

  /** Runs a command with a client of its own, as an operator (or a restart) would. */
  async function withAdmin<T>(use: (admin: ReturnType<typeof createClient>) => Promise<T>) {
    const admin = createClient({ url });
    await admin.connect();
    try {
      return await use(admin);
    } finally {
      await admin.close();
    }
  }

  /** A unique prefix per test keeps tests apart on one Redis; its keys go when the test ends. */
  async function openRedis(options: { ttlMs: number }): Promise<OpenedPresence> {
    const keyPrefix = `kh-test-${randomBytes(6).toString('hex')}:`;
    const presence = await createRedisPresence({ url, keyPrefix, ...options });
    return {
      presence,
      async dispose() {
        await presence.close();
        await withAdmin(async (admin) => {
          for await (const keys of admin.scanIterator({ MATCH: `${keyPrefix}*`, COUNT: 500 })) {
            if (keys.length > 0) await admin.del(keys);
          }
        });
      },
    };
  }

  describePresenceContract('redis', openRedis);

  it('keeps working after the script cache is flushed, as after a Redis restart', async () => {
    const { presence, dispose } = await openRedis({ ttlMs: TTL_MS });
    try {
      const fairId = 'a1b2c3d4-0000-4000-8000-000000000001';
      const aino = person();
      const move = { fairId, person: aino, to: LOBBY, owner: 'node-a:s', now: T0_MS };
      expect((await presence.move(move)).ok).toBe(true);
      await withAdmin((admin) => admin.scriptFlush());
      expect(await presence.heartbeat(fairId, [aino.id], T0_MS + 1)).toEqual([]);
      const left = await presence.release({ fairId, personId: aino.id, now: T0_MS + 2 });
      expect(left?.seq).toBe(2);
    } finally {
      await dispose();
    }
  });
});
