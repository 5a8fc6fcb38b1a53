import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Role } from '@kohtaamo/protocol';
import { sign } from 'cookie-signature';
import { pino } from 'pino';
import type { MediaConfig } from '../src/config';
import { SESSION_COOKIE } from '../src/http/session';
import { createMetrics, type Metrics } from '../src/observability/metrics';
import type { Presence } from '../src/presence/types';
import { createNodeServer } from '../src/node-server';
import type { Realtime } from '../src/realtime/socket-server';
import type { Store } from '../src/store/types';
import { afterAll, beforeAll } from 'vitest';
import type { OpenedBackend, PresenceBackend } from './presence-backends';
import { storeBackends, useStore } from './store-backends';
import { createAccount, createFair, createRoom, profile } from './store-fixtures';
import { testLimits } from './test-limits';
import type { SocketLimits } from '../src/config-limits';

const [pglite] = storeBackends;

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

/** Peer-to-peer mesh without ICE servers, as on one machine. */
export const MESH_MEDIA: MediaConfig = { livekit: undefined, iceServers: [], tokenTtlSeconds: 300 };

export interface LiveNodeOptions {
  redis?: { url: string; keyPrefix: string };
  media?: MediaConfig;
  presenceTtlMs?: number;
  reconnectGraceMs?: number;
  /** The node's clock; a test that replays a fair at its own pace passes a controllable one. */
  now?: () => Date;
  /** Per-connection event limits; raised far above production unless given (`test-limits.ts`). */
  socketLimits?: SocketLimits;
}

/** The REST API and Socket.IO on one in-process HTTP server, over the given store and presence. */
export async function startLiveNode(
  store: Store,
  presence: Presence,
  options: LiveNodeOptions = {},
): Promise<LiveNode> {
  const metrics = createMetrics();
  const { server, realtime } = await createNodeServer(
    {
      store,
      logger: pino({ level: 'silent' }),
      metrics,
      passwords: { hash: () => Promise.resolve('unused'), verify: () => Promise.resolve(false) },
      session: { ttlMs: 60 * 60 * 1000, secureCookie: false },
      cookieSecret: COOKIE_SECRET,
      publicUrl: 'http://kohtaamo.test',
      trustProxy: 'loopback',
      limits: testLimits,
      now: options.now ?? (() => new Date()),
      isShuttingDown: () => false,
    },
    {
      socketLimits: options.socketLimits ?? testLimits.socket,
      presence,
      redis: options.redis,
      presenceTtlMs: options.presenceTtlMs ?? 15_000,
      reconnectGraceMs: options.reconnectGraceMs ?? 120_000,
      media: options.media ?? MESH_MEDIA,
    },
  );
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

/**
 * A signed-in person registered for the fair, made directly in the store (no password hashing);
 * a participant unless `role` says otherwise (a facilitator of `roomIds`).
 */
export async function createPerson(
  store: Store,
  fairId: string,
  name: string,
  options: { organisation?: string; role?: Role; roomIds?: string[] } = {},
): Promise<TestPerson> {
  const account = await createAccount(store, name);
  const { organisation = 'Monikulttuuriyhdistys ry', role, roomIds = [] } = options;
  const registration = await store.registrations.create(
    fairId,
    account.id,
    profile({ displayName: name, organisation }),
  );
  if (role && role !== 'participant') {
    await store.registrations.assignRole(fairId, registration.id, role, roomIds);
  }
  return { registrationId: registration.id, cookie: await signInAs(store, account.id) };
}

/** A fair with one room of tables, served by one live node; read the fields inside tests. */
export interface LiveFairFixture {
  store: Store;
  presence: Presence;
  node: LiveNode;
  fairId: string;
  /** The room with the tables. */
  roomId: string;
  /** Every room, `roomId` first. */
  roomIds: string[];
  tableIds: string[];
  /** The id of the table at this index, or a thrown error. */
  table(index: number): string;
}

/**
 * Before the suite: a PGlite store, the presence backend, a node over both and a fair with one
 * room and the given tables. After it: all of it is closed and thrown away.
 */
export function useLiveFair(
  backend: PresenceBackend,
  options: LiveNodeOptions & {
    tables?: { name: string; capacity: number }[];
    /** Rooms without tables besides the first. */
    otherRooms?: number;
    /** Lets a suite put a faulty store in front of the node. */
    wrapStore?: (store: Store) => Store;
    /** Lets a suite put a slow or faulty presence in front of the node. */
    wrapPresence?: (presence: Presence) => Presence;
  } = {},
): LiveFairFixture {
  const fixture = {
    table(index: number) {
      const tableId = fixture.tableIds[index];
      if (!tableId) throw new Error(`no table ${index}`);
      return tableId;
    },
  } as LiveFairFixture;
  let opened: OpenedBackend | undefined;
  if (!pglite) throw new Error('PGlite is always available');
  useStore(pglite, (store) => (fixture.store = store));
  beforeAll(async () => {
    const { store } = fixture;
    opened = await backend.open({ ttlMs: options.presenceTtlMs ?? 15_000 });
    fixture.presence = opened.presence;
    const presence = options.wrapPresence?.(opened.presence) ?? opened.presence;
    fixture.node = await startLiveNode(options.wrapStore?.(store) ?? store, presence, {
      ...options,
      redis: opened.redis,
    });
    const { fair } = await createFair(store);
    fixture.fairId = fair.id;
    fixture.roomId = (await createRoom(store, fair.id, 'Asuminen')).id;
    fixture.roomIds = [fixture.roomId];
    for (let i = 0; i < (options.otherRooms ?? 0); i += 1) {
      fixture.roomIds.push((await createRoom(store, fair.id, `Teema ${i + 2}`)).id);
    }
    fixture.tableIds = [];
    for (const table of options.tables ?? [{ name: 'Pöytä 1', capacity: 6 }]) {
      const created = await store.tables.create(fair.id, fixture.roomId, table);
      if (!created) throw new Error('table not created');
      fixture.tableIds.push(created.id);
    }
  });
  afterAll(async () => {
    await fixture.node?.stop();
    await opened?.dispose();
  });
  return fixture;
}
