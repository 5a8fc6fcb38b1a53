import { describe, expect, it } from 'vitest';
import { InvalidReferenceError } from '../src/store/errors';
import type { Store } from '../src/store/types';
import { storeBackends, useStore } from './store-backends';
import {
  agendaItem,
  createFair,
  createRoom,
  expectCheckViolation,
  register,
  unknownId,
} from './store-fixtures';

describe.each(storeBackends)('the agenda in the store ($name)', (backend) => {
  let store: Store;
  useStore(backend, (opened) => (store = opened));

  it('creates items with speakers and a room, and lists them in start order', async () => {
    const { fair } = await createFair(store);
    const room = await createRoom(store, fair.id);
    const speaker = await register(store, fair.id);
    const round = await store.agenda.create(
      fair.id,
      agendaItem({
        kind: 'networking_round',
        title: { fi: 'Kierros 1', sv: '' },
        startsAt: '2026-05-12T09:00:00+03:00',
        endsAt: '2026-05-12T09:45:00+03:00',
        place: { kind: 'room', roomId: room.id },
      }),
    );
    const opening = await store.agenda.create(fair.id, agendaItem({ speakerIds: [speaker.id] }));
    expect(round).toEqual({
      id: expect.any(String),
      fairId: fair.id,
      kind: 'networking_round',
      title: { fi: 'Kierros 1' },
      startsAt: '2026-05-12T06:00:00.000Z',
      endsAt: '2026-05-12T06:45:00.000Z',
      speakerIds: [],
      place: { kind: 'room', roomId: room.id },
    });
    expect(opening).toMatchObject({ speakerIds: [speaker.id], place: { kind: 'stage' } });
    expect(await store.agenda.list(fair.id)).toEqual([opening, round]);
  });

  it('changes only the given fields of an item', async () => {
    const { fair } = await createFair(store);
    const room = await createRoom(store, fair.id);
    const item = await store.agenda.create(fair.id, agendaItem());
    const moved = await store.agenda.update(fair.id, item.id, {
      place: { kind: 'room', roomId: room.id },
      endsAt: '2026-05-12T07:00:00Z',
    });
    expect(moved).toEqual({
      ...item,
      place: { kind: 'room', roomId: room.id },
      endsAt: '2026-05-12T07:00:00.000Z',
    });
    const back = await store.agenda.update(fair.id, item.id, {
      place: { kind: 'stage' },
      kind: 'break',
    });
    expect(back).toEqual({ ...moved, place: { kind: 'stage' }, kind: 'break' });
    expect(await store.agenda.list(fair.id)).toEqual([back]);
  });

  it('deletes an item', async () => {
    const { fair } = await createFair(store);
    const item = await store.agenda.create(fair.id, agendaItem());
    expect(await store.agenda.delete(fair.id, item.id)).toBe(true);
    expect(await store.agenda.delete(fair.id, item.id)).toBe(false);
    expect(await store.agenda.list(fair.id)).toEqual([]);
  });

  it('leaves items of one fair alone when asked through another', async () => {
    const { fair } = await createFair(store);
    const { fair: otherFair } = await createFair(store);
    const item = await store.agenda.create(fair.id, agendaItem());
    expect(await store.agenda.list(otherFair.id)).toEqual([]);
    expect(await store.agenda.update(otherFair.id, item.id, { kind: 'closing' })).toBeNull();
    expect(await store.agenda.delete(otherFair.id, item.id)).toBe(false);
    expect(await store.agenda.update(fair.id, unknownId(), { kind: 'closing' })).toBeNull();
    expect(await store.agenda.update(fair.id, 'item-1', { kind: 'closing' })).toBeNull();
    expect(await store.agenda.list(fair.id)).toEqual([item]);
  });

  it('makes participants named as speakers the fair’s speakers, and leaves staff roles be', async () => {
    const { fair, organiser } = await createFair(store);
    const room = await createRoom(store, fair.id);
    const guest = await register(store, fair.id, { displayName: 'Vieras' });
    const later = await register(store, fair.id, { displayName: 'Myöhemmin' });
    const facilitator = await register(store, fair.id, { displayName: 'Fasilitaattori' });
    await store.registrations.assignRole(fair.id, facilitator.id, 'facilitator', [room.id]);
    const item = await store.agenda.create(
      fair.id,
      agendaItem({ speakerIds: [guest.id, organiser.id, facilitator.id] }),
    );
    await store.agenda.update(fair.id, item.id, { speakerIds: [later.id] });
    const roles = async (id: string) => (await store.registrations.findById(fair.id, id))?.role;
    expect(await roles(guest.id)).toBe('speaker');
    expect(await roles(later.id)).toBe('speaker');
    expect(await roles(organiser.id)).toBe('organiser');
    expect(await roles(facilitator.id)).toBe('facilitator');
  });

  it('refuses speakers who are not registered for the fair, writing nothing', async () => {
    const { fair } = await createFair(store);
    const { fair: otherFair } = await createFair(store);
    const ours = await register(store, fair.id);
    const theirs = await register(store, otherFair.id);
    const attempt = store.agenda.create(fair.id, agendaItem({ speakerIds: [ours.id, theirs.id] }));
    await expect(attempt).rejects.toBeInstanceOf(InvalidReferenceError);
    await expect(attempt).rejects.toMatchObject({ path: ['speakerIds', 1] });
    await expect(
      store.agenda.create(fair.id, agendaItem({ speakerIds: ['not-an-id'] })),
    ).rejects.toMatchObject({ path: ['speakerIds', 0] });
    expect(await store.agenda.list(fair.id)).toEqual([]);
  });

  it('refuses a room of another fair, on create and on update, writing nothing', async () => {
    const { fair } = await createFair(store);
    const { fair: otherFair } = await createFair(store);
    const foreignRoom = await createRoom(store, otherFair.id);
    const place = { kind: 'room' as const, roomId: foreignRoom.id };
    await expect(store.agenda.create(fair.id, agendaItem({ place }))).rejects.toMatchObject({
      name: 'InvalidReferenceError',
      path: ['place', 'roomId'],
    });
    expect(await store.agenda.list(fair.id)).toEqual([]);

    const item = await store.agenda.create(fair.id, agendaItem());
    await expect(store.agenda.update(fair.id, item.id, { place })).rejects.toBeInstanceOf(
      InvalidReferenceError,
    );
    expect(await store.agenda.list(fair.id)).toEqual([item]);
  });

  it('has the database refuse an item that ends before it starts', async () => {
    const { fair } = await createFair(store);
    await expectCheckViolation(
      store.agenda.create(
        fair.id,
        agendaItem({ startsAt: '2026-05-12T10:00:00Z', endsAt: '2026-05-12T09:00:00Z' }),
      ),
      'agenda_items_ends_after_start',
    );
    const item = await store.agenda.create(fair.id, agendaItem());
    // Moving only the end is valid for the protocol schema; the stored pair is what counts.
    await expectCheckViolation(
      store.agenda.update(fair.id, item.id, { endsAt: '2026-05-12T05:00:00Z' }),
      'agenda_items_ends_after_start',
    );
    expect(await store.agenda.list(fair.id)).toEqual([item]);
  });

  it('has the database refuse an unknown kind', async () => {
    const { fair } = await createFair(store);
    await expectCheckViolation(
      store.agenda.create(fair.id, agendaItem({ kind: 'party' as 'speech' })),
      'agenda_items_kind_valid',
    );
  });
});
