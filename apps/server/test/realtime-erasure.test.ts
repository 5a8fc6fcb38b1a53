import { apiRoutes, buildPath, PROTOCOL_VERSION } from '@kohtaamo/protocol';
import type { Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRedisPresence } from '../src/presence/redis-presence';
import type { Presence } from '../src/presence/types';
import type { Store } from '../src/store/types';
import {
  connectPerson,
  createPerson,
  eventually,
  type LiveClient,
  type LiveNode,
  openSocket,
  startLiveNode,
  type TestPerson,
  useLiveFair,
} from './live-harness';
import { type OpenedBackend, presenceBackends } from './presence-backends';
import { storeBackends, useStore } from './store-backends';
import { createFair, createRoom } from './store-fixtures';

/** Asks a node to erase the fair, as its organiser would. */
function postErasure(url: string, organiser: TestPerson, fairId: string, title: string) {
  return fetch(`${url}${buildPath(apiRoutes.fairErasure, { fairId })}`, {
    method: 'POST',
    headers: { cookie: organiser.cookie, 'content-type': 'application/json' },
    body: JSON.stringify({ confirmation: title }),
  });
}

/** Resolves with the reason the server gave when it closed the socket. */
const closedByServer = (socket: Socket) =>
  new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));

/** Connects again and resolves with the code of the refusal (or `connected`). */
function reconnect(url: string, person: TestPerson, fairId: string): Promise<string> {
  const socket = openSocket(url, person.cookie, { fairId, protocol: PROTOCOL_VERSION });
  return new Promise<string>((resolve) => {
    socket.once('connect', () => resolve('connected'));
    socket.once('connect_error', (err: Error & { data?: { code?: string } }) =>
      resolve(err.data?.code ?? err.message),
    );
  }).finally(() => socket.disconnect());
}

describe.each(presenceBackends)('erasure and live connections ($name presence)', (backend) => {
  const live = useLiveFair(backend);
  const clients: LiveClient[] = [];
  afterEach(() => {
    for (const client of clients.splice(0)) client.close();
  });

  /**
   * Closes the fair in the store only. Closing it through the API would already send the
   * participants away; this leaves them connected, as a node that missed the change would.
   */
  async function closeQuietly(fairId: string) {
    await live.store.fairs.update(fairId, { status: 'closed' });
  }

  async function seated(fairId: string, tableId: string, name: string) {
    const person = await createPerson(live.store, fairId, name);
    const client = await connectPerson(live.node.url, person, fairId);
    clients.push(client);
    await client.ok('presence.go', { to: { kind: 'table', tableId } });
    return { person, client };
  }

  it("closes everyone's connection to an erased fair and frees the seats at once", async () => {
    // A fair of its own: erasure is for good.
    const { fair } = await createFair(live.store, { status: 'live' });
    const room = await createRoom(live.store, fair.id);
    const table = await live.store.tables.create(fair.id, room.id, { name: 'A', capacity: 6 });
    const aino = await seated(fair.id, table!.id, 'Aino');
    const organiser = await createPerson(live.store, fair.id, 'Olli', { role: 'organiser' });
    const olli = await connectPerson(live.node.url, organiser, fair.id);
    clients.push(olli);
    await closeQuietly(fair.id);
    const ainoClosed = closedByServer(aino.client.socket);

    const response = await postErasure(live.node.url, organiser, fair.id, fair.title);
    expect(response.status).toBe(200);

    expect(await ainoClosed).toBe('io server disconnect');
    await eventually(async () => {
      const { state } = await live.presence.room(fair.id, room.id);
      expect(state.members).toEqual([]);
    });
    expect(await reconnect(live.node.url, aino.person, fair.id)).toBe('NOT_REGISTERED');
    // The organisers keep their registration, so they can come back to read the report.
    expect(await reconnect(live.node.url, organiser, fair.id)).toBe('connected');
  });

  it('closes only the deleted account’s connections, and frees only its seat', async () => {
    const aino = await seated(live.fairId, live.table(0), 'Aino');
    const bertil = await seated(live.fairId, live.table(0), 'Bertil');
    const ainoClosed = closedByServer(aino.client.socket);
    const registration = await live.store.registrations.findById(
      live.fairId,
      aino.person.registrationId,
    );
    await live.store.dataRights.eraseAccount(registration!.accountId);

    live.node.realtime.personalDataErased(live.fairId, [aino.person.registrationId]);

    expect(await ainoClosed).toBe('io server disconnect');
    await eventually(async () => {
      const { state } = await live.presence.room(live.fairId, live.roomId);
      expect(state.members.map((member) => member.person.id)).toEqual([
        bertil.person.registrationId,
      ]);
    });
    expect(bertil.client.socket.connected).toBe(true);
    expect(await reconnect(live.node.url, aino.person, live.fairId)).toBe('UNAUTHENTICATED');
  });
});

const [pglite] = storeBackends;
const redisBackend = presenceBackends.find((backend) => backend.name === 'redis');

describe.runIf(pglite && redisBackend)('an erasure asked on one of two nodes', () => {
  let store: Store;
  if (pglite) useStore(pglite, (opened) => (store = opened));
  let opened: OpenedBackend;
  let secondPresence: Presence;
  let nodes: LiveNode[] = [];

  beforeAll(async () => {
    opened = await redisBackend!.open({ ttlMs: 15_000 });
    const redis = opened.redis!;
    secondPresence = await createRedisPresence({ ...redis, ttlMs: 15_000 });
    nodes = [
      await startLiveNode(store, opened.presence, { redis }),
      await startLiveNode(store, secondPresence, { redis }),
    ];
  });
  afterAll(async () => {
    for (const node of nodes) await node.stop();
    await secondPresence.close();
    await opened.dispose();
  });

  it('closes the connections and frees the seats held by the other node', async () => {
    const { fair } = await createFair(store, { status: 'live' });
    const room = await createRoom(store, fair.id);
    const table = await store.tables.create(fair.id, room.id, { name: 'A', capacity: 6 });
    const aino = await createPerson(store, fair.id, 'Aino');
    const organiser = await createPerson(store, fair.id, 'Olli', { role: 'organiser' });
    const client = await connectPerson(nodes[1]!.url, aino, fair.id);
    await client.ok('presence.go', { to: { kind: 'table', tableId: table!.id } });
    // Closed in the store only, so the connection stays open until the erasure closes it.
    await store.fairs.update(fair.id, { status: 'closed' });
    const closed = closedByServer(client.socket);

    const response = await postErasure(nodes[0]!.url, organiser, fair.id, fair.title);

    expect(response.status).toBe(200);
    expect(await closed).toBe('io server disconnect');
    await eventually(async () => {
      const { state } = await opened.presence.room(fair.id, room.id);
      expect(state.members).toEqual([]);
    });
  });
});
