import { CHAT_MAX_CHARS, type ChatDeleted, type ChatMessage, type Role } from '@kohtaamo/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import {
  connectPerson,
  createPerson,
  eventually,
  type LiveClient,
  useLiveFair,
} from './live-harness';
import { presenceBackends } from './presence-backends';

type ChatClient = LiveClient & {
  personId: string;
  messages: ChatMessage[];
  deletions: ChatDeleted[];
};

/** Long enough that nothing more could have arrived on the same local connection. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 200));

describe.each(presenceBackends)('chat over Socket.IO ($name presence)', (backend) => {
  const live = useLiveFair(backend, {
    tables: [
      { name: 'Pöytä 1', capacity: 6 },
      { name: 'Pöytä 2', capacity: 6 },
    ],
    otherRooms: 1,
  });
  const clients: ChatClient[] = [];
  afterEach(() => {
    for (const client of clients.splice(0)) client.close();
  });

  const roomChannel = () => ({ kind: 'room', roomId: live.roomId }) as const;
  const tableChannel = (index: number) => ({ kind: 'table', tableId: live.table(index) }) as const;

  async function join(name: string, role?: Role, roomIds: string[] = []): Promise<ChatClient> {
    const person = await createPerson(live.store, live.fairId, name, { role, roomIds });
    const client = await connectPerson(live.node.url, person, live.fairId);
    const recorded = Object.assign(client, {
      personId: person.registrationId,
      messages: [] as ChatMessage[],
      deletions: [] as ChatDeleted[],
    });
    client.socket.on('chat.message', (message: ChatMessage) => recorded.messages.push(message));
    client.socket.on('chat.deleted', (deleted: ChatDeleted) => recorded.deletions.push(deleted));
    clients.push(recorded);
    return recorded;
  }

  async function seated(name: string, tableIndex: number, role?: Role, roomIds?: string[]) {
    const client = await join(name, role, roomIds);
    await client.ok('presence.go', { to: { kind: 'table', tableId: live.table(tableIndex) } });
    return client;
  }

  it('keeps a table’s chat to the people seated there', async () => {
    const aino = await seated('Aino', 0);
    const bertta = await seated('Bertta', 0);
    const outsider = await seated('Outi', 1);

    const sent = await aino.ok('chat.send', { channel: tableChannel(0), text: '  Hei pöytä!  ' });
    expect(sent).toMatchObject({
      channel: tableChannel(0),
      author: { id: aino.personId, name: 'Aino' },
      text: 'Hei pöytä!',
    });
    await eventually(() => expect(bertta.messages).toEqual([sent]));

    expect(
      await outsider.request('chat.send', { channel: tableChannel(0), text: 'Minäkin' }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await outsider.request('chat.history', { channel: tableChannel(0) })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    await settle();
    expect(outsider.messages).toEqual([]);
    expect((await bertta.ok('chat.history', { channel: tableChannel(0) })).messages).toEqual([
      sent,
    ]);

    // Leaving the table closes its chat at once.
    await bertta.ok('presence.go', { to: { kind: 'room', roomId: live.roomId } });
    expect(await bertta.request('chat.history', { channel: tableChannel(0) })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('opens a room’s chat to everyone in the room and nobody in the lobby', async () => {
    const standing = await join('Seppo');
    await standing.ok('presence.go', { to: { kind: 'room', roomId: live.roomId } });
    const atTable = await seated('Taru', 1);
    const inLobby = await join('Leena');

    const sent = await atTable.ok('chat.send', { channel: roomChannel(), text: 'Tervetuloa' });
    await eventually(() => expect(standing.messages).toContainEqual(sent));
    const history = await standing.ok('chat.history', { channel: roomChannel() });
    expect(history.messages.at(-1)).toEqual(sent);

    expect(
      await inLobby.request('chat.send', { channel: roomChannel(), text: 'Hei' }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await inLobby.request('chat.history', { channel: roomChannel() })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    await settle();
    expect(inLobby.messages).toEqual([]);
  });

  it('removes a message a facilitator deletes from everyone’s view and the history', async () => {
    const aino = await seated('Aino', 0);
    const bertta = await seated('Bertta', 0);
    const facilitator = await join('Fiia', 'facilitator', [live.roomId]);

    const kept = await aino.ok('chat.send', { channel: tableChannel(0), text: 'Jää' });
    const rude = await aino.ok('chat.send', { channel: tableChannel(0), text: 'Poistettava' });
    // The room's facilitator reads a table's chat without sitting there.
    const seen = await facilitator.ok('chat.history', { channel: tableChannel(0) });
    expect(seen.messages.map((message) => message.id)).toContain(rude.id);

    await facilitator.ok('chat.delete', { messageId: rude.id });
    const deleted = { messageId: rude.id, channel: tableChannel(0) };
    await eventually(() => {
      expect(aino.deletions).toEqual([deleted]);
      expect(bertta.deletions).toEqual([deleted]);
    });
    const after = await bertta.ok('chat.history', { channel: tableChannel(0) });
    expect(after.messages.map((message) => message.id)).toContain(kept.id);
    expect(after.messages.map((message) => message.id)).not.toContain(rude.id);
    expect(await facilitator.request('chat.delete', { messageId: rude.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('refuses a participant deleting someone else’s message and changes nothing', async () => {
    const aino = await seated('Aino', 1);
    const bertta = await seated('Bertta', 1);
    const otherFacilitator = await join('Veikko', 'facilitator', [live.roomIds[1]!]);
    const message = await aino.ok('chat.send', { channel: roomChannel(), text: 'Minun' });
    const before = await aino.ok('chat.history', { channel: roomChannel() });

    for (const asker of [bertta, otherFacilitator]) {
      expect(await asker.request('chat.delete', { messageId: message.id })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    }
    expect(
      await otherFacilitator.request('chat.history', { channel: roomChannel() }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await settle();
    expect(aino.deletions).toEqual([]);
    expect(await aino.ok('chat.history', { channel: roomChannel() })).toEqual(before);

    // The author may take it back.
    await aino.ok('chat.delete', { messageId: message.id });
    await eventually(() =>
      expect(bertta.deletions).toEqual([{ messageId: message.id, channel: roomChannel() }]),
    );
  });

  it('refuses an empty or overlong message without storing anything', async () => {
    const aino = await seated('Aino', 0);
    const before = await aino.ok('chat.history', { channel: tableChannel(0) });
    for (const text of ['   ', 'x'.repeat(1001)]) {
      expect(await aino.request('chat.send', { channel: tableChannel(0), text })).toMatchObject({
        ok: false,
        error: { code: 'INVALID' },
      });
    }
    expect(await aino.ok('chat.history', { channel: tableChannel(0) })).toEqual(before);
  });

  it('accepts a full-length message whose JSON is larger than an ordinary event', async () => {
    const aino = await seated('Aino', 0);
    const text = `€${'\u0001'.repeat(CHAT_MAX_CHARS - 1)}`;
    const sent = await aino.ok('chat.send', { channel: tableChannel(0), text });
    expect(sent.text).toHaveLength(CHAT_MAX_CHARS);
  });
});
