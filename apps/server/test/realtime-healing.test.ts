import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryPresence } from '../src/presence/memory-presence';
import type { Presence } from '../src/presence/types';
import { StoreUnavailableError } from '../src/store/errors';
import type { Store } from '../src/store/types';
import {
  connectPerson,
  createPerson,
  eventually,
  type LiveNode,
  startLiveNode,
} from './live-harness';
import { storeBackends, useStore } from './store-backends';
import { createFair, createRoom } from './store-fixtures';

const pglite = storeBackends[0];
if (!pglite) throw new Error('PGlite is always available');

const PRESENCE_TTL_MS = 1500;

describe('live presence when something underneath fails', () => {
  let store: Store;
  let presence: Presence;
  let node: LiveNode;
  let failSeatWrites = false;
  let fairId: string;
  let roomId: string;
  let tableId: string;

  useStore(pglite, (opened) => (store = opened));
  beforeAll(async () => {
    presence = createMemoryPresence({ ttlMs: PRESENCE_TTL_MS });
    // The same store, except that seat intervals can be made to fail as a lost database does.
    const flaky: Store = {
      ...store,
      seatIntervals: {
        ...store.seatIntervals,
        open: (input) =>
          failSeatWrites
            ? Promise.reject(new StoreUnavailableError(new Error('connection refused')))
            : store.seatIntervals.open(input),
      },
    };
    node = await startLiveNode(flaky, presence, { presenceTtlMs: PRESENCE_TTL_MS });
    const { fair } = await createFair(store);
    fairId = fair.id;
    roomId = (await createRoom(store, fairId)).id;
    const table = await store.tables.create(fairId, roomId, { name: 'Pöytä', capacity: 6 });
    if (!table) throw new Error('table not created');
    tableId = table.id;
  });
  afterAll(() => node.stop());

  it('does not give a seat it could not record: STORE_UNAVAILABLE, and the person stays put', async () => {
    const person = await createPerson(store, fairId, 'Tiina Tallentamaton');
    const client = await connectPerson(node.url, person, fairId);
    await client.ok('presence.go', { to: { kind: 'room', roomId } });
    failSeatWrites = true;
    try {
      expect(await client.request('presence.go', { to: { kind: 'table', tableId } })).toMatchObject(
        {
          ok: false,
          error: { code: 'STORE_UNAVAILABLE' },
        },
      );
    } finally {
      failSeatWrites = false;
    }
    expect(await client.ok('presence.self', {})).toEqual({
      location: { kind: 'room', roomId },
      scope: `room:${roomId}`,
    });
    const room = await client.ok('presence.snapshot', { scope: `room:${roomId}` });
    expect(room).toMatchObject({
      scopeKind: 'room',
      state: {
        members: [
          { person: expect.objectContaining({ id: person.registrationId }), tableId: null },
        ],
      },
    });
    expect(await store.seatIntervals.list(fairId)).toEqual([]);
    client.close();
  });

  it('puts a connected person back when presence loses them, and tells them', async () => {
    const person = await createPerson(store, fairId, 'Paavo Palautettu');
    const client = await connectPerson(node.url, person, fairId);
    await client.ok('presence.go', { to: { kind: 'table', tableId } });
    const selvesBefore = client.selves.length;

    // As if Redis had restarted: the placement is gone, the connection is not.
    await presence.release({ fairId, personId: person.registrationId, now: Date.now() });
    expect(await presence.whereIs(fairId, person.registrationId)).toBeNull();

    await eventually(async () => {
      expect(await presence.whereIs(fairId, person.registrationId)).toMatchObject({
        location: { kind: 'table', tableId },
      });
    }, PRESENCE_TTL_MS * 3);
    await eventually(() => expect(client.selves.length).toBeGreaterThan(selvesBefore));
    expect(client.selves.at(-1)).toEqual({
      location: { kind: 'table', roomId, tableId },
      scope: `room:${roomId}`,
    });
    client.close();
  });
});
