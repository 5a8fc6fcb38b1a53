import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Store } from '../src/store/types';
import { storeBackends, useStore } from './store-backends';
import { createFair, register } from './store-fixtures';

const at = (minutes: number) => new Date(Date.UTC(2026, 4, 12, 8, minutes));
const limit = { requests: 3, windowMs: 10 * 60_000 };

/** Two tables, and the time two people sat together at one of them (first at minute `table`). */
function twoTables() {
  const tableIds = [randomUUID(), randomUUID()];
  const atTable = (x: string, y: string, table: number, overlapSeconds: number) => ({
    personA: x < y ? x : y,
    personB: x < y ? y : x,
    tableId: tableIds[table]!,
    overlapMs: overlapSeconds * 1000,
    firstAt: at(table),
  });
  return { tableIds, atTable };
}

describe.each(storeBackends)('cards, exchanges and meetings in the store ($name)', (backend) => {
  let store: Store;
  useStore(backend, (opened) => (store = opened));

  async function people(count: number, fairOverrides = {}) {
    const { fair } = await createFair(store, fairOverrides);
    const registered = [];
    for (let i = 0; i < count; i += 1) {
      registered.push(await register(store, fair.id, { displayName: `Henkilö ${i}` }));
    }
    return { fair, people: registered };
  }

  it('stores a card and which fields it shares', async () => {
    const {
      fair,
      people: [asa],
    } = await people(1);
    const card = {
      name: 'Åsa',
      organisation: 'Kotona ry',
      title: '',
      email: 'asa@example.fi',
      phone: '',
      website: '',
      languages: ['sv'],
      cooperation: 'Työllisyys',
    };
    await store.cards.put(fair.id, asa!.id, card, ['name', 'email', 'email']);
    expect(await store.cards.find(fair.id, asa!.id)).toMatchObject({
      card,
      shared: ['name', 'email'],
    });
    expect(await store.cards.find(fair.id, randomUUID())).toBeNull();
  });

  it('limits how many people one person asks within the window', async () => {
    const {
      fair,
      people: [asker, ...others],
    } = await people(5);
    const ask = (toId: string, minutes: number) =>
      store.exchanges.ask({
        fairId: fair.id,
        fromId: asker!.id,
        toId,
        message: '',
        now: at(minutes),
        rateLimit: limit,
      });
    for (const [i, other] of others.slice(0, 3).entries()) {
      expect((await ask(other.id, i)).kind).toBe('asked');
    }
    expect(await ask(others[3]!.id, 5)).toEqual({ kind: 'refused', code: 'RATE_LIMITED' });
    expect((await ask(others[3]!.id, 11)).kind).toBe('asked');
  });

  it('two people asking each other at once end up as one accepted exchange', async () => {
    const {
      fair,
      people: [a, b],
    } = await people(2);
    const ask = (fromId: string, toId: string) =>
      store.exchanges.ask({
        fairId: fair.id,
        fromId,
        toId,
        message: '',
        now: at(0),
        rateLimit: limit,
      });
    const outcomes = await Promise.all([ask(a!.id, b!.id), ask(b!.id, a!.id)]);
    expect(outcomes.map((outcome) => outcome.kind).sort()).toEqual(['accepted', 'asked']);
    expect(await store.exchanges.acceptedPairs(fair.id)).toHaveLength(1);
    expect(await ask(a!.id, b!.id)).toEqual({ kind: 'refused', code: 'ALREADY_CONTACTS' });
  });

  it('keeps notes per owner and deletes an emptied one', async () => {
    const {
      fair,
      people: [a, b],
    } = await people(2);
    await store.notes.put(fair.id, a!.id, b!.id, 'Soita');
    await store.notes.put(fair.id, a!.id, b!.id, 'Soita huomenna');
    expect(await store.notes.listFor(fair.id, a!.id)).toEqual(new Map([[b!.id, 'Soita huomenna']]));
    expect(await store.notes.listFor(fair.id, b!.id)).toEqual(new Map());
    await store.notes.put(fair.id, a!.id, b!.id, '');
    expect(await store.notes.listFor(fair.id, a!.id)).toEqual(new Map());
  });

  it("replaces one person's time at one table, and counts whom they met over all tables", async () => {
    const {
      fair,
      people: [anna, benny, cilla, dina],
    } = await people(4);
    const { tableIds, atTable } = twoTables();
    const metBy = async (person: string) =>
      (await store.meetings.acquaintances(fair.id, person)).map((met) => met.registrationId).sort();
    await store.meetings.replaceAtTable(fair.id, benny!.id, tableIds[0]!, [
      atTable(benny!.id, cilla!.id, 0, 300),
    ]);
    await store.meetings.replaceAtTable(fair.id, anna!.id, tableIds[0]!, [
      atTable(anna!.id, benny!.id, 0, 100),
      atTable(anna!.id, cilla!.id, 0, 200),
    ]);
    await store.meetings.replaceAtTable(fair.id, benny!.id, tableIds[1]!, [
      atTable(anna!.id, benny!.id, 1, 30),
    ]);
    // 100 s and 30 s at two tables make the 120 s threshold.
    expect(await metBy(anna!.id)).toEqual([benny!.id, cilla!.id].sort());

    // Anna's time at table 0 recomputed: Cilla is gone from it, and Benny has 80 + 30 s.
    await store.meetings.replaceAtTable(fair.id, anna!.id, tableIds[0]!, [
      atTable(anna!.id, benny!.id, 0, 80),
    ]);
    expect(await metBy(anna!.id)).toEqual([]);
    // Benny's time with Cilla at the same table is theirs, not Anna's to replace.
    expect(await metBy(benny!.id)).toEqual([cilla!.id]);

    const asked = await store.exchanges.ask({
      fairId: fair.id,
      fromId: dina!.id,
      toId: anna!.id,
      message: '',
      now: at(3),
      rateLimit: limit,
    });
    if (asked.kind !== 'asked') throw new Error('the exchange was not asked');
    expect(await metBy(anna!.id)).toEqual([]);
    await store.exchanges.answer({
      fairId: fair.id,
      exchangeId: asked.request.id,
      answererId: anna!.id,
      accept: true,
      now: at(4),
    });
    expect(await store.meetings.acquaintances(fair.id, anna!.id)).toEqual([
      {
        registrationId: dina!.id,
        accountId: dina!.accountId,
        organisation: dina!.profile.organisation,
      },
    ]);
    const elsewhere = await createFair(store);
    expect(await store.meetings.acquaintances(elsewhere.fair.id, anna!.id)).toEqual([]);
  });

  it('knows who an account met at an earlier fair, by seat time or by exchange', async () => {
    const earlier = await createFair(store, {
      startsAt: '2025-05-12T06:00:00.000Z',
      endsAt: '2025-05-12T14:00:00.000Z',
    });
    const later = await createFair(store);
    const [annaThen, bennyThen, cillaThen, dinaThen] = await Promise.all(
      ['Anna', 'Benny', 'Cilla', 'Dina'].map((name, i) =>
        register(store, earlier.fair.id, { displayName: name, organisation: `Org ${i}` }),
      ),
    );
    const { atTable } = twoTables();
    // The threshold is 120 s in all, over every table the two shared.
    await store.meetings.replaceForFair(earlier.fair.id, [
      atTable(annaThen!.id, bennyThen!.id, 0, 60),
      atTable(annaThen!.id, bennyThen!.id, 1, 60),
      atTable(annaThen!.id, cillaThen!.id, 0, 60),
      atTable(annaThen!.id, cillaThen!.id, 1, 59),
    ]);
    await store.exchanges.ask({
      fairId: earlier.fair.id,
      fromId: annaThen!.id,
      toId: dinaThen!.id,
      message: '',
      now: at(0),
      rateLimit: limit,
    });
    const [request] = await store.exchanges.listFor(earlier.fair.id, dinaThen!.id);
    await store.exchanges.answer({
      fairId: earlier.fair.id,
      exchangeId: request!.id,
      answererId: dinaThen!.id,
      accept: true,
      now: at(1),
    });
    // Anna comes to the later fair with the same account.
    const annaNow = await store.registrations.create(later.fair.id, annaThen!.accountId, {
      ...annaThen!.profile,
    });
    const met = await store.meetings.earlierMeetings(later.fair.id);
    expect(
      met
        .filter((row) => row.accountId === annaNow.accountId)
        .map((row) => row.metOrganisation)
        .sort(),
    ).toEqual(['Org 1', 'Org 3']);
    // Nothing is "earlier" than the earliest fair.
    expect(await store.meetings.earlierMeetings(earlier.fair.id)).toEqual([]);
  });
});
