import type { ChatMessage } from '@kohtaamo/protocol';
import { describe, expect, it } from 'vitest';
import {
  historyFailed,
  historyLoaded,
  loadingChannel,
  messageArrived,
  messageDeleted,
} from './chat-state';

const ROOM = '00000000-0000-4000-8000-0000000000aa';
const aino = { id: '00000000-0000-4000-8000-000000000001', name: 'Aino', organisation: 'Silta ry' };

function message(n: number, second = n): ChatMessage {
  return {
    id: `10000000-0000-4000-8000-00000000000${n}`,
    channel: { kind: 'room', roomId: ROOM },
    author: aino,
    text: `viesti ${n}`,
    sentAt: `2026-05-12T09:00:0${second}.000Z`,
  };
}

const texts = (messages: ChatMessage[]) => messages.map((held) => held.text);

describe('a chat channel held by the client', () => {
  it('shows the latest page, then earlier pages in front of it', () => {
    const latest = historyLoaded(loadingChannel, {
      messages: [message(3), message(4)],
      hasMore: true,
    });
    expect(latest).toMatchObject({ status: 'ready', hasMore: true });
    const all = historyLoaded(latest, { messages: [message(1), message(2)], hasMore: false });
    expect(texts(all.messages)).toEqual(['viesti 1', 'viesti 2', 'viesti 3', 'viesti 4']);
    expect(all.hasMore).toBe(false);
  });

  it('keeps live messages that arrive before the history, once each and in time order', () => {
    const early = messageArrived(loadingChannel, message(5), true);
    const loaded = historyLoaded(early, { messages: [message(4), message(5)], hasMore: false });
    expect(texts(loaded.messages)).toEqual(['viesti 4', 'viesti 5']);
    // Two sent in the same second are ordered by id, the same on every client.
    const same = messageArrived(loaded, message(3, 5), true);
    expect(texts(same.messages)).toEqual(['viesti 4', 'viesti 3', 'viesti 5']);
  });

  it('announces only messages that arrive live and are new', () => {
    const ready = historyLoaded(loadingChannel, { messages: [message(1)], hasMore: false });
    const mine = messageArrived(ready, message(2), false);
    expect(mine.arrived).toBeNull();
    const theirs = messageArrived(mine, message(3), true);
    expect(theirs.arrived).toEqual(message(3));
    expect(messageArrived(theirs, message(2), true).arrived).toEqual(message(3));
  });

  it('drops a deleted message and never lets an older page bring it back', () => {
    const ready = historyLoaded(loadingChannel, {
      messages: [message(1), message(2)],
      hasMore: false,
    });
    const announced = messageArrived(ready, message(3), true);
    const deleted = messageDeleted(announced, message(3).id);
    expect(texts(deleted.messages)).toEqual(['viesti 1', 'viesti 2']);
    expect(deleted.arrived).toBeNull();
    const stale = historyLoaded(deleted, { messages: [message(2), message(3)], hasMore: false });
    expect(texts(stale.messages)).toEqual(['viesti 1', 'viesti 2']);
    expect(texts(messageArrived(stale, message(3), true).messages)).toEqual([
      'viesti 1',
      'viesti 2',
    ]);
  });

  it('reports a failed first load but keeps a channel already shown', () => {
    expect(historyFailed(loadingChannel, 'FORBIDDEN')).toMatchObject({
      status: 'error',
      errorCode: 'FORBIDDEN',
    });
    const ready = historyLoaded(loadingChannel, { messages: [message(1)], hasMore: false });
    expect(historyFailed(ready, 'OFFLINE')).toBe(ready);
  });
});
