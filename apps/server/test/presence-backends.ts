import { randomBytes } from 'node:crypto';
import { createClient } from 'redis';
import { createMemoryPresence } from '../src/presence/memory-presence';
import { createRedisPresence } from '../src/presence/redis-presence';
import type { PresenceOptions } from '../src/presence/types';
import type { OpenedPresence } from './presence-fixture';
import { testRedisUrl } from './services';

/** An opened adapter, and for Redis the namespace a node sharing it must use. */
export interface OpenedBackend extends OpenedPresence {
  redis?: { url: string; keyPrefix: string };
}

export interface PresenceBackend {
  name: 'memory' | 'redis';
  open(options: PresenceOptions): Promise<OpenedBackend>;
}

/** Runs a command with a client of its own, as an operator (or a restart) would. */
export async function withRedisAdmin<T>(
  url: string,
  use: (admin: ReturnType<typeof createClient>) => Promise<T>,
): Promise<T> {
  const admin = createClient({ url });
  await admin.connect();
  try {
    return await use(admin);
  } finally {
    await admin.close();
  }
}

const memory: PresenceBackend = {
  name: 'memory',
  open: (options) =>
    Promise.resolve({ presence: createMemoryPresence(options), dispose: () => Promise.resolve() }),
};

/** A unique key prefix per opening keeps tests apart on one Redis; its keys go on dispose. */
function redis(url: string): PresenceBackend {
  return {
    name: 'redis',
    async open(options) {
      const keyPrefix = `kh-test-${randomBytes(6).toString('hex')}:`;
      const presence = await createRedisPresence({ url, keyPrefix, ...options });
      return {
        presence,
        redis: { url, keyPrefix },
        async dispose() {
          await presence.close();
          await withRedisAdmin(url, async (admin) => {
            for await (const keys of admin.scanIterator({ MATCH: `${keyPrefix}*`, COUNT: 500 })) {
              if (keys.length > 0) await admin.del(keys);
            }
          });
        },
      };
    },
  };
}

/** In memory always; Redis when the global setup found one (see ./services.ts). */
export const presenceBackends: PresenceBackend[] = testRedisUrl
  ? [memory, redis(testRedisUrl)]
  : [memory];
