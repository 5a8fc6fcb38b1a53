import { describe, expect, it } from 'vitest';
import type { Store } from '../src/store/types';
import { storeBackends, useStore } from './store-backends';
import {
  createFair,
  createRoom,
  expectCheckViolation,
  register,
  unknownId,
} from './store-fixtures';

const at = (minute: number, second = 0) => new Date(Date.UTC(2026, 4, 12, 9, minute, second));

describe.each(storeBackends)('chat and raised hands in the store ($name)', (backend) => {
  let store: Store;
  useStore(backend, (opened) => (store = opened));

  async function fairWithTable() {
    const { fair } = await createFair(store);
    const room = await createRoom(store, fair.id);
    const table = await store.tables.create(fair.id, room.id, { name: 'Pöytä 1', capacity: 6 });
    if (!table) throw new Error('table not created');
    const aino = await register(store, fair.id, { displayName: 'Aino', organisation: 'Kotona ry' });
    const bertta = await register(store, fair.id, { displayName: 'Bertta' });
    return { fair, room, table, aino, bertta };
  }

  it('stores messages per channel and pages history oldest first', async () => {
    const { fair, room, table, aino } = await fairWithTable();
    const roomChannel = { kind: 'room', roomId: room.id } as const;
    const tableChannel = { kind: 'table', tableId: table.id } as const;
    const sent = [];
    for (let i = 0; i < 5; i += 1) {
      const message = await store.chat.add({
        fairId: fair.id,
        channel: roomChannel,
        authorId: aino.id,
        text: `viesti ${i}`,
        // Two messages in the same millisecond still page in a stable order.
        sentAt: at(i < 2 ? 0 : i),
      });
      sent.push(message);
    }
    await store.chat.add({
      fairId: fair.id,
      channel: tableChannel,
      authorId: aino.id,
      text: 'pöydän viesti',
      sentAt: at(1),
    });
    expect(sent[0]).toMatchObject({
      channel: roomChannel,
      roomId: room.id,
      author: { id: aino.id, name: 'Aino', organisation: 'Kotona ry' },
      text: 'viesti 0',
      sentAt: at(0).toISOString(),
    });

    const latest = await store.chat.history(fair.id, roomChannel, { limit: 3 });
    expect(latest.hasMore).toBe(true);
    expect(latest.messages.map((message) => message.text)).toEqual([
      'viesti 2',
      'viesti 3',
      'viesti 4',
    ]);
    const older = await store.chat.history(fair.id, roomChannel, {
      limit: 3,
      before: latest.messages[0]!.id,
    });
    expect(older.hasMore).toBe(false);
    expect(older.messages.map((message) => message.text).sort()).toEqual(['viesti 0', 'viesti 1']);

    const atTable = await store.chat.history(fair.id, tableChannel, { limit: 50 });
    expect(atTable.messages).toEqual([
      expect.objectContaining({ text: 'pöydän viesti', channel: tableChannel, roomId: room.id }),
    ]);
  });

  it('refuses channels outside the fair and deletes a message for good', async () => {
    const { fair, room, table, aino } = await fairWithTable();
    const other = await fairWithTable();
    const channel = { kind: 'table', tableId: other.table.id } as const;
    expect(await store.chat.channelRoom(fair.id, channel)).toBeNull();
    expect(await store.chat.channelRoom(fair.id, { kind: 'table', tableId: table.id })).toBe(
      room.id,
    );
    expect(
      await store.chat.add({
        fairId: fair.id,
        channel,
        authorId: aino.id,
        text: 'väärä messu',
        sentAt: at(0),
      }),
    ).toBeNull();

    const message = await store.chat.add({
      fairId: fair.id,
      channel: { kind: 'room', roomId: room.id },
      authorId: aino.id,
      text: 'poistettava',
      sentAt: at(0),
    });
    expect(await store.chat.delete(other.fair.id, message!.id)).toBe(false);
    expect(await store.chat.delete(fair.id, message!.id)).toBe(true);
    expect(await store.chat.find(fair.id, message!.id)).toBeNull();
    expect(await store.chat.delete(fair.id, message!.id)).toBe(false);
    expect(
      (await store.chat.history(fair.id, { kind: 'room', roomId: room.id }, { limit: 50 }))
        .messages,
    ).toEqual([]);
    await expectCheckViolation(
      store.chat.add({
        fairId: fair.id,
        channel: { kind: 'room', roomId: room.id },
        authorId: aino.id,
        text: 'x'.repeat(1001),
        sentAt: at(0),
      }),
      'chat_messages_text_length',
    );
  });

  it('keeps one open hand per person, in the order they were raised', async () => {
    const { fair, room, aino, bertta } = await fairWithTable();
    const otherRoom = await createRoom(store, fair.id, 'Työ');
    const raised = await store.help.raise({
      fairId: fair.id,
      roomId: room.id,
      personId: aino.id,
      note: 'Mikrofoni ei toimi',
      now: at(0),
    });
    await store.help.raise({
      fairId: fair.id,
      roomId: room.id,
      personId: bertta.id,
      note: '',
      now: at(1),
    });
    expect(raised).toMatchObject({
      roomId: room.id,
      person: { id: aino.id, name: 'Aino' },
      note: 'Mikrofoni ei toimi',
      raisedAt: at(0).toISOString(),
    });
    const again = await store.help.raise({
      fairId: fair.id,
      roomId: room.id,
      personId: aino.id,
      note: 'Ei kuulu ääntä',
      now: at(2),
    });
    expect(again).toEqual({ ...raised, note: 'Ei kuulu ääntä' });
    expect((await store.help.listOpen(fair.id, room.id)).map((r) => r.person.name)).toEqual([
      'Aino',
      'Bertta',
    ]);
    expect(await store.help.listOpen(fair.id, otherRoom.id)).toEqual([]);
    expect(await store.help.findOpenOf(fair.id, aino.id)).toEqual(again);
  });

  it('closes a hand once, after which the person may raise a new one', async () => {
    const { fair, room, aino, bertta } = await fairWithTable();
    const raised = await store.help.raise({
      fairId: fair.id,
      roomId: room.id,
      personId: aino.id,
      note: '',
      now: at(0),
    });
    const closing = { outcome: 'resolved', by: bertta.id, now: at(3) } as const;
    expect(await store.help.close(unknownId(), raised.id, closing)).toBe(false);
    expect(await store.help.close(fair.id, raised.id, closing)).toBe(true);
    expect(await store.help.close(fair.id, raised.id, closing)).toBe(false);
    expect(await store.help.findOpenById(fair.id, raised.id)).toBeNull();
    expect(await store.help.findOpenOf(fair.id, aino.id)).toBeNull();
    expect(await store.help.listOpen(fair.id, room.id)).toEqual([]);

    const next = await store.help.raise({
      fairId: fair.id,
      roomId: room.id,
      personId: aino.id,
      note: 'Taas',
      now: at(5),
    });
    expect(next.id).not.toBe(raised.id);
    expect(await store.help.findOpenById(fair.id, next.id)).toEqual(next);
  });
});
