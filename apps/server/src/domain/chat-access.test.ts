import { describe, expect, it } from 'vitest';
import { mayDeleteMessage, takesPart } from './chat-access';
import type { Actor } from './permissions';

const roomA = '00000000-0000-4000-8000-00000000000a';
const roomB = '00000000-0000-4000-8000-00000000000b';
const table1 = '00000000-0000-4000-8000-000000000001';
const table2 = '00000000-0000-4000-8000-000000000002';

const actor = (role: Actor['role'], facilitatorRoomIds: string[] = []): Actor => ({
  registrationId: 'me',
  role,
  facilitatorRoomIds,
});

describe('taking part in a chat channel', () => {
  it('opens a room channel to people standing in the room or seated at its tables', () => {
    const channel = { kind: 'room', roomId: roomA } as const;
    expect(takesPart({ kind: 'room', roomId: roomA }, channel)).toBe(true);
    expect(takesPart({ kind: 'table', roomId: roomA, tableId: table1 }, channel)).toBe(true);
    expect(takesPart({ kind: 'room', roomId: roomB }, channel)).toBe(false);
    expect(takesPart({ kind: 'lobby' }, channel)).toBe(false);
    expect(takesPart(null, channel)).toBe(false);
  });

  it('opens a table channel only to the people seated at that table', () => {
    const channel = { kind: 'table', tableId: table1 } as const;
    expect(takesPart({ kind: 'table', roomId: roomA, tableId: table1 }, channel)).toBe(true);
    expect(takesPart({ kind: 'table', roomId: roomA, tableId: table2 }, channel)).toBe(false);
    expect(takesPart({ kind: 'room', roomId: roomA }, channel)).toBe(false);
    expect(takesPart({ kind: 'stage' }, channel)).toBe(false);
  });
});

describe('deleting a chat message', () => {
  const message = { authorId: 'someone', roomId: roomA };

  it('lets the author, the room’s facilitators and organisers delete it', () => {
    expect(mayDeleteMessage(actor('participant'), { ...message, authorId: 'me' })).toBe(true);
    expect(mayDeleteMessage(actor('facilitator', [roomA]), message)).toBe(true);
    expect(mayDeleteMessage(actor('organiser'), message)).toBe(true);
  });

  it('refuses other participants, speakers and facilitators of another room', () => {
    expect(mayDeleteMessage(actor('participant'), message)).toBe(false);
    expect(mayDeleteMessage(actor('speaker'), message)).toBe(false);
    expect(mayDeleteMessage(actor('facilitator', [roomB]), message)).toBe(false);
  });
});
