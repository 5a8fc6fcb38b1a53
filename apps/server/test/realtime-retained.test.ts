import { PROTOCOL_VERSION } from '@kohtaamo/protocol';
import { describe, expect, it } from 'vitest';
import {
  connectPerson,
  createPerson,
  eventually,
  type LiveClient,
  openSocket,
  type TestPerson,
  useLiveFair,
} from './live-harness';
import { presenceBackends } from './presence-backends';

/** Short, so the dropped connections' places are freed within the test. */
const RECONNECT_GRACE_MS = 1500;
const PRESENCE_TTL_MS = 3000;
const PEOPLE = 12;
const ROUNDS = 3;
/** Two people a table, so the places a dropped connection keeps for a while never fill one. */
const TABLES = PEOPLE / 2;
const NOTHING_RETAINED = {
  sockets: 0,
  socketRooms: 0,
  socketIds: 0,
  heldPlaces: 0,
  followedFairs: 0,
  meetingUpdates: 0,
};

/** The ways a connection ends in a fair: each must leave nothing of it behind on the node. */
type Ending = 'leaves' | 'drops' | 'leaves mid-move' | 'drops mid-move' | 'replaced';
const ENDINGS: Ending[] = ['leaves', 'drops', 'leaves mid-move', 'drops mid-move', 'replaced'];

describe.each(presenceBackends)('a node after people came and went ($name)', (backend) => {
  const live = useLiveFair(backend, {
    presenceTtlMs: PRESENCE_TTL_MS,
    reconnectGraceMs: RECONNECT_GRACE_MS,
    tables: Array.from({ length: TABLES }, (_, i) => ({ name: `Pöytä ${i + 1}`, capacity: 6 })),
  });

  async function visit(person: TestPerson, table: number, ending: Ending): Promise<void> {
    const { node, fairId } = live;
    const client = await connectPerson(node.url, person, fairId);
    await client.ok('presence.go', { to: { kind: 'table', tableId: live.table(table % TABLES) } });
    const inFlight = client.request('presence.go', {
      to: { kind: 'table', tableId: live.table((table + 1) % TABLES) },
    });
    if (!ending.endsWith('mid-move')) await inFlight;
    if (ending === 'replaced') {
      const newer = await connectPerson(node.url, person, fairId);
      await eventually(() => expect(client.replaced).toBe(true));
      newer.close();
      return;
    }
    if (ending.startsWith('drops')) client.socket.io.engine.close();
    client.close();
    await inFlight.catch(() => undefined);
  }

  /** A connection that closes before the server has placed it. */
  async function gone(person: TestPerson): Promise<void> {
    const socket = openSocket(live.node.url, person.cookie, {
      fairId: live.fairId,
      protocol: PROTOCOL_VERSION,
    });
    await new Promise((resolve) => socket.once('connect', () => resolve(undefined)));
    socket.disconnect();
  }

  it('keeps no connection, socket room, place or schedule once everyone has gone', async () => {
    const { store, node, fairId } = live;
    const people = await Promise.all(
      Array.from({ length: PEOPLE }, (_, i) => createPerson(store, fairId, `Kävijä ${i + 1}`)),
    );
    const present: LiveClient[] = await Promise.all(
      people.map((person) => connectPerson(node.url, person, fairId)),
    );
    // The counts do count: with everyone connected, each person has a socket and a place.
    expect(node.realtime.retained()).toMatchObject({
      sockets: PEOPLE,
      heldPlaces: PEOPLE,
      followedFairs: 1,
    });
    for (const client of present) client.close();

    for (let round = 0; round < ROUNDS; round += 1) {
      await Promise.all(
        people.map((person, i) => visit(person, i + round, ENDINGS[(i + round) % ENDINGS.length]!)),
      );
      await Promise.all(people.slice(0, 3).map(gone));
    }

    await eventually(
      () => expect(node.realtime.retained()).toEqual(NOTHING_RETAINED),
      RECONNECT_GRACE_MS + 3 * PRESENCE_TTL_MS,
    );
  }, 60_000);
});
