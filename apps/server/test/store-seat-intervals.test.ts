import { describe, expect, it } from 'vitest';
import type { Store } from '../src/store/types';
import { storeBackends, useStore } from './store-backends';
import { createFair, createRoom, register } from './store-fixtures';

const at = (seconds: number) => new Date(Date.UTC(2026, 4, 12, 8, 0, seconds));

describe.each(storeBackends)('seat intervals in the store ($name)', (backend) => {
  let store: Store;
  useStore(backend, (opened) => (store = opened));

  async function seatedFixture() {
    const { fair } = await createFair(store);
    const room = await createRoom(store, fair.id);
    const first = await store.tables.create(fair.id, room.id, { name: 'Pöytä 1', capacity: 6 });
    const second = await store.tables.create(fair.id, room.id, { name: 'Pöytä 2', capacity: 6 });
    const person = await register(store, fair.id);
    if (!first || !second) throw new Error('tables were not created');
    /** The person at one of the tables, as `open` and `close` name a seat. */
    const seatAt = (table: { id: string }) => ({
      fairId: fair.id,
      registrationId: person.id,
      tableId: table.id,
    });
    return { fairId: fair.id, person, first, second, seatAt };
  }

  it('records when a person sat down and when they left', async () => {
    const { fairId, first, seatAt } = await seatedFixture();
    const seat = seatAt(first);
    await store.seatIntervals.open({ ...seat, joinedAt: at(0) });
    expect(await store.seatIntervals.list(fairId)).toEqual([
      expect.objectContaining({ tableId: first.id, joinedAt: at(0), leftAt: null }),
    ]);
    await store.seatIntervals.close({ ...seat, leftAt: at(90), freedAt: at(90) });
    expect(await store.seatIntervals.list(fairId)).toEqual([
      expect.objectContaining({ tableId: first.id, joinedAt: at(0), leftAt: at(90) }),
    ]);
  });

  it('ends an interval left open when the person sits down elsewhere', async () => {
    const { fairId, first, second, seatAt } = await seatedFixture();
    await store.seatIntervals.open({ ...seatAt(first), joinedAt: at(0) });
    await store.seatIntervals.open({ ...seatAt(second), joinedAt: at(30) });
    expect(await store.seatIntervals.list(fairId)).toEqual([
      expect.objectContaining({ tableId: first.id, leftAt: at(30) }),
      expect.objectContaining({ tableId: second.id, joinedAt: at(30), leftAt: null }),
    ]);
  });

  it('never ends an interval before it began, and closing twice keeps the first end', async () => {
    const { fairId, first, seatAt } = await seatedFixture();
    const seat = seatAt(first);
    await store.seatIntervals.open({ ...seat, joinedAt: at(10) });
    // Freed at 20 s with the connection lost at 5 s, before the interval began.
    await store.seatIntervals.close({ ...seat, leftAt: at(5), freedAt: at(20) });
    await store.seatIntervals.close({ ...seat, leftAt: at(50), freedAt: at(50) });
    expect(await store.seatIntervals.list(fairId)).toEqual([
      expect.objectContaining({ joinedAt: at(10), leftAt: at(10) }),
    ]);
  });

  it('leaves a later sitting at the same table open when a close is retried late', async () => {
    const { fairId, first, seatAt } = await seatedFixture();
    const seat = seatAt(first);
    await store.seatIntervals.open({ ...seat, joinedAt: at(0) });
    // The seat is freed at 10 s but the store is away; the person sits there again at 12 s
    // (which ends the first interval), and the close that failed is retried at 14 s.
    await store.seatIntervals.open({ ...seat, joinedAt: at(12) });
    await store.seatIntervals.close({ ...seat, leftAt: at(10), freedAt: at(10) });
    expect(await store.seatIntervals.list(fairId)).toEqual([
      expect.objectContaining({ joinedAt: at(0), leftAt: at(12) }),
      expect.objectContaining({ joinedAt: at(12), leftAt: null }),
    ]);
  });

  it('closes only the interval at the named table', async () => {
    const { fairId, first, second, seatAt } = await seatedFixture();
    await store.seatIntervals.open({ ...seatAt(first), joinedAt: at(0) });
    await store.seatIntervals.close({ ...seatAt(second), leftAt: at(20), freedAt: at(20) });
    expect(await store.seatIntervals.list(fairId)).toEqual([
      expect.objectContaining({ tableId: first.id, leftAt: null }),
    ]);
  });

  it('keeps the record of who sat at a table after the organiser deletes the table', async () => {
    const { fairId, first, seatAt } = await seatedFixture();
    const seat = seatAt(first);
    await store.seatIntervals.open({ ...seat, joinedAt: at(0) });
    await store.seatIntervals.close({ ...seat, leftAt: at(300), freedAt: at(300) });
    expect(await store.tables.delete(fairId, first.id)).toBe(true);
    expect(await store.seatIntervals.list(fairId)).toEqual([
      expect.objectContaining({ tableId: first.id, joinedAt: at(0), leftAt: at(300) }),
    ]);
  });

  it('ends every interval still open, as a restarted single node does', async () => {
    const { fairId, first, seatAt } = await seatedFixture();
    const seat = seatAt(first);
    await store.seatIntervals.open({ ...seat, joinedAt: at(0) });
    expect(await store.seatIntervals.closeAllOpen(at(40))).toContain(fairId);
    expect(await store.seatIntervals.list(fairId)).toEqual([
      expect.objectContaining({ leftAt: at(40) }),
    ]);
  });

  it('lists the intervals that overlap the person’s sittings, once a grace joins each one’s', async () => {
    const { fair } = await createFair(store);
    const room = await createRoom(store, fair.id);
    const [mine, elsewhere] = await Promise.all(
      ['Pöytä 1', 'Pöytä 2'].map((name) =>
        store.tables.create(fair.id, room.id, { name, capacity: 6 }),
      ),
    );
    if (!mine || !elsewhere) throw new Error('tables were not created');
    const [me, other, returning, later] = await Promise.all(
      [1, 2, 3, 4].map(() => register(store, fair.id)),
    );
    const sit = async (who: { id: string }, table: { id: string }, from: number, to?: number) => {
      const seat = { fairId: fair.id, registrationId: who.id, tableId: table.id };
      await store.seatIntervals.open({ ...seat, joinedAt: at(from) });
      if (to !== undefined)
        await store.seatIntervals.close({ ...seat, leftAt: at(to), freedAt: at(to) });
    };
    const graceMs = 60_000;
    await sit(me!, mine, 100, 120);
    await sit(other!, mine, 105, 115);
    await sit(other!, elsewhere, 116, 118);
    await sit(other!, mine, 190, 200);
    // Away for 30 s, less than the grace: one sitting from 70 to 140, so with me all along.
    await sit(returning!, mine, 70, 95);
    await sit(returning!, mine, 125, 140);
    const seen = async () =>
      (await store.seatIntervals.listNear(fair.id, me!.id, graceMs)).map(
        ({ registrationId, tableId, joinedAt }) => [registrationId, tableId, joinedAt],
      );

    expect(await seen()).toEqual([
      [returning!.id, mine.id, at(70)],
      [me!.id, mine.id, at(100)],
      [other!.id, mine.id, at(105)],
      [returning!.id, mine.id, at(125)],
    ]);
    // An interval still open reaches on without end, so whoever sits down later is with me.
    await sit(me!, mine, 390);
    await sit(later!, mine, 400);
    expect((await seen()).slice(4)).toEqual([
      [me!.id, mine.id, at(390)],
      [later!.id, mine.id, at(400)],
    ]);
  });
});
