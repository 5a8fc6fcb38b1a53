import { RedisStore, type RedisReply } from 'rate-limit-redis';
import { createClient } from 'redis';
import type { Logger } from '../observability/logger';
import type { RateLimitStoreFactory } from './rate-limits';
import { redisClientOptions } from '../redis-reconnect';

/**
 * rate-limit-redis loads its two scripts once, in `init`. If Redis is away at that moment the
 * stored load stays rejected, every count after it fails, and the limiter lets every request
 * through until the node restarts. This store loads a script again whenever its last load failed.
 */
class ReloadingRedisStore extends RedisStore {
  override async increment(key: string) {
    this.incrementScriptSha = this.incrementScriptSha.catch(() => this.loadIncrementScript());
    return super.increment(key);
  }

  override async get(key: string) {
    this.getScriptSha = this.getScriptSha.catch(() => this.loadGetScript());
    return super.get(key);
  }
}

/**
 * Rate-limit counts in Redis, so a limit holds however requests spread over the nodes. Commands
 * fail at once while Redis is away rather than queue (the limiters then let requests through),
 * so signing in never waits for Redis.
 */
export async function connectRateLimitRedis(
  url: string,
  keyPrefix: string,
  logger: Logger,
): Promise<{ storeFor: RateLimitStoreFactory; close(): Promise<void> }> {
  const client = createClient({ ...redisClientOptions(url), disableOfflineQueue: true });
  client.on('error', (err: unknown) => logger.warn({ err }, 'rate limits: Redis error'));
  await client.connect();
  return {
    storeFor: (limiterName) =>
      new ReloadingRedisStore({
        sendCommand: (...args: string[]) => client.sendCommand(args) as Promise<RedisReply>,
        prefix: `${keyPrefix}rl:${limiterName}:`,
      }),
    async close() {
      await client.close().catch(() => undefined);
    },
  };
}
