import { describe, expect, it } from 'vitest';
import { timeShifter } from '../src/domain/fair-copy';
import type { Store } from '../src/store/types';
import { storeBackends, useStore } from './store-backends';
import {
  agendaItem,
  createAccount,
  createFair,
  newFair,
  profile,
  register,
  unique,
} from './store-fixtures';

describe.each(storeBackends)('copying a fair in the store ($name)', (backend) => {
  let store: Store;
  useStore(backend, (opened) => (store = opened));

  /** A fair with two themes, tables, a speech by the organiser and a guest, a round. */
  async function sourceFair() {
    const source = await createFair(store, { status: 'closed' });
    const fairId = source.fair.id;
    const housing = await store.rooms.create(fairId, {
      names: { fi: 'Asuminen', en: 'Housing', sv: 'Boende' },
      description: { en: 'Homes and neighbourhoods' },
      position: 0,
    });
    const work = await store.rooms.create(fairId, { names: { fi: 'Työ' }, description: {} });
    const table = await store.tables.create(fairId, housing.id, { name: 'A', capacity: 4 });
    await store.tables.update(fairId, table?.id ?? '', { locked: true });
    await store.tables.create(fairId, work.id, { name: 'B', capacity: 8 });
    const guest = await register(store, fairId, { displayName: 'Vieras Puhuja' }, 'speaker');
    const facilitator = await register(store, fairId, {}, 'participant');
    await store.registrations.assignRole(fairId, facilitator.id, 'facilitator', [housing.id]);
    await store.agenda.create(fairId, agendaItem({ speakerIds: [source.organiser.id, guest.id] }));
    await store.agenda.create(
      fairId,
      agendaItem({
        kind: 'networking_round',
        title: { en: 'Round one' },
        startsAt: '2026-05-12T07:00:00.000Z',
        endsAt: '2026-05-12T07:30:00.000Z',
        place: { kind: 'room', roomId: work.id },
      }),
    );
    return source;
  }

  it('copies themes, tables and the agenda to the new date, and nothing personal', async () => {
    const source = await sourceFair();
    const shiftTime = timeShifter(source.fair.startsAt, '2027-05-11', source.fair.timeZone);
    const { fair, registration } = await store.fairs.copy(
      source.fair.id,
      { ...newFair({ title: 'Reilu kohtaamo 2027', status: 'draft' }), slug: unique('copy') },
      { accountId: source.organiserAccount.id, profile: profile(), inviteCode: unique('invite') },
      { shiftTime, copierSourceId: source.organiser.id },
    );
    expect(fair).toMatchObject({ title: 'Reilu kohtaamo 2027', status: 'draft' });
    expect(registration).toMatchObject({
      role: 'organiser',
      accountId: source.organiserAccount.id,
    });

    const rooms = await store.rooms.listWithTables(fair.id);
    expect(rooms.map((room) => room.names)).toEqual([
      { fi: 'Asuminen', en: 'Housing', sv: 'Boende' },
      { fi: 'Työ' },
    ]);
    expect(rooms[0]?.description).toEqual({ en: 'Homes and neighbourhoods' });
    expect(rooms.flatMap((room) => room.facilitatorIds)).toEqual([]);
    expect(rooms.map((room) => room.tables.map((t) => [t.name, t.capacity, t.locked]))).toEqual([
      [['A', 4, false]],
      [['B', 8, false]],
    ]);

    const agenda = await store.agenda.list(fair.id);
    // 09:00 and 10:00 in Helsinki (UTC+3) on Tuesday 12 May 2026 → the same on 11 May 2027.
    expect(agenda.map((item) => [item.kind, item.startsAt, item.endsAt])).toEqual([
      ['speech', '2027-05-11T06:00:00.000Z', '2027-05-11T06:30:00.000Z'],
      ['networking_round', '2027-05-11T07:00:00.000Z', '2027-05-11T07:30:00.000Z'],
    ]);
    expect(agenda[0]?.speakerIds).toEqual([registration.id]);
    expect(agenda[1]?.place).toEqual({ kind: 'room', roomId: rooms[1]?.id });

    const people = await store.registrations.list(fair.id);
    expect(people.map((person) => person.id)).toEqual([registration.id]);
    // The source fair is untouched.
    expect(await store.agenda.list(source.fair.id)).toHaveLength(2);
    expect(await store.registrations.list(source.fair.id)).toHaveLength(3);
  });

  it('leaves no fair behind when the copy is refused', async () => {
    const source = await sourceFair();
    const before = await store.fairs.count();
    const taken = await createFair(store);
    const copying = store.fairs.copy(
      source.fair.id,
      { ...newFair(), slug: taken.fair.slug },
      {
        accountId: (await createAccount(store)).id,
        profile: profile(),
        inviteCode: unique('invite'),
      },
      { shiftTime: (iso) => iso, copierSourceId: source.organiser.id },
    );
    await expect(copying).rejects.toThrow();
    expect(await store.fairs.count()).toBe(before + 1);
  });
});
