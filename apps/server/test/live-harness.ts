import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sign } from 'cookie-signature';
import { pino } from 'pino';
import { createApp } from '../src/http/app';
import { SESSION_COOKIE } from '../src/http/session';
import { createMetrics, type Metrics } from '../src/observability/metrics';
import type { Presence } from '../src/presence/types';
import { attachRealtime, type Realtime } from '../src/realtime/socket-server';
import type { Store } from '../src/store/types';
import { createAccount, profile } from './store-fixtures';

export {
  connectPerson,
  eventually,
  LiveClient,
  openSocket,
} from '../../../tests/support/live-client';

const COOKIE_SECRET = 'live-test-cookie-secret-long-enough-to-sign';

export interface LiveNode {
  url: string;
  metrics: Metrics;
  realtime: Realtime;
  stop(): Promise<void>;
}

export interface LiveNodeOptions {
  redis?: { url: string; keyPrefix: string };
  presenceTtlMs?: number;
  reconnectGraceMs?: number;
}

/** The REST API and Socket.IO on one in-process HTTP server, over the given store and presence. */
export async function startLiveNode(
  store: Store,
  presence: Presence,
  options: LiveNodeOptions = {},
): Promise<LiveNode> {
  const metrics = createMetrics();
  const logger = pino({ level: 'silent' });
  const now = () => new Date();
  const app = createApp({
    store,
    logger,
    metrics,
    passwords: { hash: () => Promise.resolve('unused'), verify: () => Promise.resolve(false) },
    session: { ttlMs: 60 * 60 * 1000, secureCookie: false },
    cookieSecret: COOKIE_SECRET,
    publicUrl: 'http://kohtaamo.test',
    now,
    isShuttingDown: () => false,
    // Requests arrive only after `listen`, by which time `realtime` exists.
    onLayoutChanged: (fairId) => realtime.layoutChanged(fairId),
  });
  const server = createServer(app);
  const realtime = await attachRealtime(server, {
    store,
    presence,
    logger,
    metrics,
    cookieSecret: COOKIE_SECRET,
    now,
    redis: options.redis,
    presenceTtlMs: options.presenceTtlMs ?? 15_000,
    reconnectGraceMs: options.reconnectGraceMs ?? 120_000,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    metrics,
    realtime,
    async stop() {
      const closed = new Promise((resolve) => server.close(resolve));
      await realtime.close();
      await closed;
    },
  };
}

export interface TestPerson {
  registrationId: string;
  /** The Cookie header of a signed-in browser. */
  cookie: string;
}

/** A session cookie for the account, made directly in the store. */
export async function signInAs(store: Store, accountId: string): Promise<string> {
  const sessionId = randomBytes(24).toString('base64url');
  await store.sessions.create({
    id: sessionId,
    accountId,
    expiresAt: new Date(Date.now() + 60 * 60 * 1000),
  });
  return `${SESSION_COOKIE}=${encodeURIComponent(`s:${sign(sessionId, COOKIE_SECRET)}`)}`;
}

/** A signed-in person registered for the fair, made directly in the store (no password hashing). */
export async function createPerson(
  store: Store,
  fairId: string,
  name: string,
  organisation = 'Monikulttuuriyhdistys ry',
): Promise<TestPerson> {
  const account = await createAccount(store, name);
  const registration = await store.registrations.create(
    fairId,
    account.id,
    profile({ displayName: name, organisation }),
  );
  return { registrationId: registration.id, cookie: await signInAs(store, account.id) };
}
