import { randomUUID } from 'node:crypto';
import type { ModerationLogEntry, PersonRef } from '@kohtaamo/protocol';
import { describe, expect, it } from 'vitest';
import type { Store } from '../src/store/types';
import { storeBackends, useStore } from './store-backends';
import { createFair, createRoom, expectCheckViolation, register } from './store-fixtures';

const at = (seconds: number) => new Date(Date.UTC(2026, 4, 12, 8, 0, seconds));

describe.each(storeBackends)('moderation in the store ($name)', (backend) => {
  let store: Store;
  useStore(backend, (opened) => (store = opened));

  async function fixture() {
    const { fair, organiser } = await createFair(store);
    const room = await createRoom(store, fair.id);
    const table = await store.tables.create(fair.id, room.id, { name: 'Pöytä 1', capacity: 6 });
    const person = await register(store, fair.id, { displayName: 'Aino' });
    if (!table) throw new Error('table was not created');
    const ref = (registration: typeof person): PersonRef => ({
      id: registration.id,
      name: registration.profile.displayName,
      organisation: registration.profile.organisation,
    });
    return { fairId: fair.id, organiser: ref(organiser), person: ref(person), room, table };
  }

  it('keeps the log, newest first, as it was written', async () => {
    const { fairId, organiser, person, room, table } = await fixture();
    const mute: ModerationLogEntry = {
      id: randomUUID(),
      at: at(0).toISOString(),
      actor: organiser,
      action: { kind: 'mute', track: 'microphone' },
      target: person,
      roomId: room.id,
      tableId: table.id,
      reason: 'Echo',
    };
    const lock: ModerationLogEntry = {
      id: randomUUID(),
      at: at(5).toISOString(),
      actor: organiser,
      action: { kind: 'table', change: 'lock' },
      target: null,
      roomId: room.id,
      tableId: table.id,
      reason: null,
    };
    await store.moderationLog.append(fairId, mute);
    await store.moderationLog.append(fairId, lock);
    expect(await store.moderationLog.list(fairId, 10)).toEqual([lock, mute]);
    expect(await store.moderationLog.list(fairId, 1)).toEqual([lock]);
    const other = await createFair(store);
    expect(await store.moderationLog.list(other.fair.id, 10)).toEqual([]);
  });

  it('refuses an action the protocol does not know', async () => {
    const { fairId, organiser } = await fixture();
    const entry: ModerationLogEntry = {
      id: randomUUID(),
      at: at(0).toISOString(),
      actor: organiser,
      action: { kind: 'shout' } as never,
      target: null,
      roomId: null,
      tableId: null,
      reason: null,
    };
    await expectCheckViolation(store.moderationLog.append(fairId, entry), 'moderation_log_kind');
    expect(await store.moderationLog.list(fairId, 5)).toEqual([]);
  });

  it('remembers places once per call and forgets them when the call ends', async () => {
    const { fairId, organiser, person, room, table } = await fixture();
    const standing = await register(store, fairId);
    const lobby = await register(store, fairId);
    expect(await store.stageCalls.current(fairId)).toBeNull();
    const seated = { kind: 'table', roomId: room.id, tableId: table.id } as const;
    const call = await store.stageCalls.call(fairId, { calledAt: at(0), calledBy: organiser.id }, [
      { personId: person.id, location: seated },
      { personId: standing.id, location: { kind: 'room', roomId: room.id } },
      { personId: lobby.id, location: { kind: 'lobby' } },
    ]);
    expect(call).toEqual({ calledAt: at(0), calledBy: organiser.id });

    // A second call keeps the first one's time and the places already remembered.
    const again = await store.stageCalls.call(
      fairId,
      { calledAt: at(60), calledBy: organiser.id },
      [{ personId: person.id, location: { kind: 'lobby' } }],
    );
    expect(again.calledAt).toEqual(at(0));
    const places = await store.stageCalls.places(fairId);
    expect(places).toHaveLength(3);
    expect(places).toEqual(
      expect.arrayContaining([
        { personId: person.id, location: seated },
        { personId: standing.id, location: { kind: 'room', roomId: room.id } },
        { personId: lobby.id, location: { kind: 'lobby' } },
      ]),
    );

    expect(await store.stageCalls.end(fairId)).toBe(true);
    expect(await store.stageCalls.current(fairId)).toBeNull();
    expect(await store.stageCalls.places(fairId)).toEqual([]);
    expect(await store.stageCalls.end(fairId)).toBe(false);
  });

  it('answers nothing for malformed fair ids', async () => {
    expect(await store.stageCalls.current('not-a-uuid')).toBeNull();
    expect(await store.stageCalls.places('not-a-uuid')).toEqual([]);
    expect(await store.moderationLog.list('not-a-uuid', 5)).toEqual([]);
  });
});
