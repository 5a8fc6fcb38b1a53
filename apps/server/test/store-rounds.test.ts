import { describe, expect, it } from 'vitest';
import { InvalidReferenceError } from '../src/store/errors';
import type { Store } from '../src/store/types';
import { storeBackends, useStore } from './store-backends';
import { agendaItem, createFair, createRoom, register, unknownId } from './store-fixtures';

describe.each(storeBackends)('round seating in the store ($name)', (backend) => {
  let store: Store;
  useStore(backend, (opened) => (store = opened));

  async function roundFixture() {
    const { fair } = await createFair(store);
    const room = await createRoom(store, fair.id);
    const otherRoom = await createRoom(store, fair.id, 'Työ');
    const table = await store.tables.create(fair.id, room.id, { name: 'A', capacity: 6 });
    const otherTable = await store.tables.create(fair.id, otherRoom.id, { name: 'B', capacity: 6 });
    const round = await store.agenda.create(
      fair.id,
      agendaItem({ kind: 'networking_round', place: { kind: 'room', roomId: room.id } }),
    );
    const person = await register(store, fair.id);
    return { fair, room, table: table!, otherTable: otherTable!, round, person };
  }

  it('answers a round without a stored plan as free with nobody pre-assigned', async () => {
    const { fair, round } = await roundFixture();
    expect(await store.rounds.plan(fair.id, round.id)).toEqual({
      itemId: round.id,
      mode: 'free',
      preassignments: [],
    });
  });

  it('replaces the plan: mode and pre-assignments', async () => {
    const { fair, round, table, person } = await roundFixture();
    const other = await register(store, fair.id);
    await store.rounds.putPlan(fair.id, round.id, {
      mode: 'shuffle',
      preassignments: [
        { registrationId: person.id, tableId: table.id },
        { registrationId: other.id, tableId: table.id },
      ],
    });
    const plan = await store.rounds.putPlan(fair.id, round.id, {
      mode: 'shuffle',
      preassignments: [{ registrationId: other.id, tableId: table.id }],
    });
    expect(plan).toEqual({
      itemId: round.id,
      mode: 'shuffle',
      preassignments: [{ registrationId: other.id, tableId: table.id }],
    });
    expect(await store.rounds.plan(fair.id, round.id)).toEqual(plan);
  });

  it('refuses tables outside the round and people outside the fair, and keeps the old plan', async () => {
    const { fair, round, table, otherTable, person } = await roundFixture();
    await store.rounds.putPlan(fair.id, round.id, { mode: 'shuffle', preassignments: [] });
    await expect(
      store.rounds.putPlan(fair.id, round.id, {
        mode: 'free',
        preassignments: [{ registrationId: person.id, tableId: otherTable.id }],
      }),
    ).rejects.toMatchObject({ path: ['preassignments', 0, 'tableId'] });
    await expect(
      store.rounds.putPlan(fair.id, round.id, {
        mode: 'free',
        preassignments: [{ registrationId: unknownId(), tableId: table.id }],
      }),
    ).rejects.toBeInstanceOf(InvalidReferenceError);
    expect(await store.rounds.plan(fair.id, round.id)).toMatchObject({ mode: 'shuffle' });
  });

  it('has no plan for items that are not networking rounds or not of this fair', async () => {
    const { fair, round } = await roundFixture();
    const speech = await store.agenda.create(fair.id, agendaItem());
    const { fair: otherFair } = await createFair(store);
    expect(await store.rounds.plan(fair.id, speech.id)).toBeNull();
    expect(await store.rounds.plan(otherFair.id, round.id)).toBeNull();
    expect(
      await store.rounds.putPlan(otherFair.id, round.id, { mode: 'shuffle', preassignments: [] }),
    ).toBeNull();
    expect(await store.rounds.plan(fair.id, 'not-an-id')).toBeNull();
  });

  it("keeps each person's opt-out until they take it back", async () => {
    const { fair, person } = await roundFixture();
    expect(await store.rounds.optedOut(fair.id, person.id)).toBe(false);
    await store.rounds.setOptedOut(fair.id, person.id, true);
    await store.rounds.setOptedOut(fair.id, person.id, true);
    expect(await store.rounds.optedOut(fair.id, person.id)).toBe(true);
    expect(await store.rounds.optedOutOf(fair.id)).toEqual(new Set([person.id]));
    await store.rounds.setOptedOut(fair.id, person.id, false);
    expect(await store.rounds.optedOut(fair.id, person.id)).toBe(false);
  });

  it('lets exactly one of many simultaneous claims of a round win', async () => {
    const { fair, round } = await roundFixture();
    const claims = await Promise.all(
      Array.from({ length: 5 }, () => store.rounds.claim(fair.id, round.id, new Date())),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await store.rounds.claim(fair.id, round.id, new Date())).toBe(false);
  });
});
