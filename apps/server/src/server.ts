import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createArgon2Hasher } from './auth/passwords';
import { resolveSessionSecret } from './auth/session-secret';
import type { Config } from './config';
import { ensureDemoFair, type DemoFairInfo } from './demo/seed-demo';
import { connectRateLimitRedis } from './http/rate-limit-redis';
import { newInviteCode } from './http/routes/fair-routes';
import type { Logger } from './observability/logger';
import { createMetrics } from './observability/metrics';
import { createMemoryPresence } from './presence/memory-presence';
import { createRedisPresence } from './presence/redis-presence';
import type { Presence } from './presence/types';
import { createNodeServer } from './node-server';
import { openStore } from './store/open-store';

export interface RunningServer {
  url: string;
  demo: DemoFairInfo | undefined;
  /** Stops accepting, lets in-flight requests finish, then closes the store. */
  stop(): Promise<void>;
}

function listen(server: Server, host: string, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

export async function startServer(config: Config, logger: Logger): Promise<RunningServer> {
  const store = await openStore({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    logger,
  });
  const presence: Presence = config.redisUrl
    ? await createRedisPresence({
        url: config.redisUrl,
        keyPrefix: config.redisKeyPrefix,
        ttlMs: config.presenceTtlMs,
        logger,
      })
    : createMemoryPresence({ ttlMs: config.presenceTtlMs });
  // The only node's presence died with the previous process; it did not say when, so seats it
  // left open end now rather than never, and the meetings they add up to are counted below.
  const fairsLeftOpen = config.redisUrl ? [] : await store.seatIntervals.closeAllOpen(new Date());
  if (fairsLeftOpen.length > 0) {
    logger.warn({ fairs: fairsLeftOpen }, 'ended seat intervals left open by the previous run');
  }
  const rateLimitRedis = config.redisUrl
    ? await connectRateLimitRedis(config.redisUrl, config.redisKeyPrefix, logger)
    : undefined;
  const passwords = createArgon2Hasher();
  let shuttingDown = false;

  const demo =
    config.seedDemo === 'auto'
      ? await ensureDemoFair(store, passwords, newInviteCode())
      : undefined;

  const { server, realtime, meetings } = await createNodeServer(
    {
      store,
      logger,
      metrics: createMetrics(),
      passwords,
      session: { ttlMs: config.sessionTtlMs, secureCookie: config.cookieSecure },
      cookieSecret: await resolveSessionSecret(config.sessionSecret, config.dataDir),
      publicUrl: config.publicUrl,
      trustProxy: config.trustProxy,
      limits: { http: config.limits.http, lockout: config.limits.lockout },
      ...(rateLimitRedis ? { rateLimitStore: rateLimitRedis.storeFor } : {}),
      webDistDir: config.webDistDir,
      now: () => new Date(),
      isShuttingDown: () => shuttingDown,
    },
    {
      presence,
      redis: config.redisUrl
        ? { url: config.redisUrl, keyPrefix: config.redisKeyPrefix }
        : undefined,
      presenceTtlMs: config.presenceTtlMs,
      reconnectGraceMs: config.reconnectGraceMs,
      media: config.media,
      socketLimits: config.limits.socket,
    },
  );
  for (const fairId of fairsLeftOpen) {
    const fair = await store.fairs.findById(fairId);
    if (fair) await meetings.rebuild(fair);
  }
  const address = await listen(server, config.host, config.port);
  const url = config.port === 0 ? `http://${config.host}:${address.port}` : config.publicUrl;

  async function stop(): Promise<void> {
    if (shuttingDown) return;
    shuttingDown = true;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const timeout = setTimeout(() => {
      logger.warn('shutdown timeout reached; closing the remaining connections');
      server.closeAllConnections();
    }, config.shutdownTimeoutMs);
    await realtime.close();
    await closed;
    clearTimeout(timeout);
    await presence.close();
    await rateLimitRedis?.close();
    await store.close();
  }

  return { url, demo, stop };
}
