import { describe, expect, it } from 'vitest';
import { createMemoryPresence } from '../src/presence/memory-presence';
import type { Store } from '../src/store/types';
import { connectPerson, createPerson, startLiveNode } from './live-harness';
import { storeBackends, useStore } from './store-backends';
import { createFair, createRoom } from './store-fixtures';

const [pglite] = storeBackends;

describe.runIf(pglite)('a single node that shuts down', () => {
  let store: Store;
  if (pglite) useStore(pglite, (opened) => (store = opened));

  it('ends the seat intervals of the people it held, since nobody else could', async () => {
    const node = await startLiveNode(store, createMemoryPresence({ ttlMs: 15_000 }));
    const { fair } = await createFair(store);
    const room = await createRoom(store, fair.id);
    const table = await store.tables.create(fair.id, room.id, { name: 'Pöytä', capacity: 6 });
    if (!table) throw new Error('table not created');
    const sitters = await Promise.all(
      ['Aila', 'Bertta'].map(async (name) => {
        const client = await connectPerson(
          node.url,
          await createPerson(store, fair.id, name),
          fair.id,
        );
        await client.ok('presence.go', { to: { kind: 'table', tableId: table.id } });
        return client;
      }),
    );
    expect((await store.seatIntervals.list(fair.id)).map((interval) => interval.leftAt)).toEqual([
      null,
      null,
    ]);

    const stoppedAt = Date.now();
    await node.stop();

    const intervals = await store.seatIntervals.list(fair.id);
    expect(intervals).toHaveLength(2);
    for (const { leftAt } of intervals) {
      expect(leftAt?.getTime()).toBeGreaterThanOrEqual(stoppedAt - 1000);
    }
    for (const client of sitters) client.close();
  });
});
