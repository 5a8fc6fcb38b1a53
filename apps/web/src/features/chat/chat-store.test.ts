import type { ChatMessage } from '@kohtaamo/protocol';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { publishLiveEvent } from '../../lib/realtime/live-events';
import { liveRequest } from '../live/live-session';
import { deleteMessage, openChannel, resetChatStore, useChatStore } from './chat-store';

vi.mock('../live/live-session', () => ({ liveRequest: vi.fn() }));

const ROOM = '00000000-0000-4000-8000-0000000000aa';
const TABLE = '00000000-0000-4000-8000-0000000000bb';
const channel = { kind: 'table', tableId: TABLE } as const;
const message: ChatMessage = {
  id: '10000000-0000-4000-8000-000000000001',
  channel,
  author: { id: '00000000-0000-4000-8000-000000000001', name: 'Aino', organisation: 'Silta ry' },
  text: 'Hei',
  sentAt: '2026-05-12T09:00:00.000Z',
};
const held = () => useChatStore.getState().channels[`table:${TABLE}`];

describe('the chat store', () => {
  afterEach(() => {
    resetChatStore();
    vi.mocked(liveRequest).mockReset();
  });

  it('loads a channel’s history and follows its live messages and deletions', async () => {
    vi.mocked(liveRequest).mockResolvedValue({ ok: true, data: { messages: [], hasMore: false } });
    await openChannel(channel);
    expect(liveRequest).toHaveBeenCalledWith('chat.history', { channel });
    publishLiveEvent({ name: 'chat.message', payload: message });
    expect(held()?.messages).toEqual([message]);
    expect(held()?.arrived).toEqual(message);
    publishLiveEvent({ name: 'chat.deleted', payload: { messageId: message.id, channel } });
    expect(held()?.messages).toEqual([]);
  });

  it('ignores live messages of channels no panel opened', () => {
    publishLiveEvent({
      name: 'chat.message',
      payload: { ...message, channel: { kind: 'room', roomId: ROOM } },
    });
    expect(useChatStore.getState().channels).toEqual({});
  });

  it('keeps a message whose deletion the server refused', async () => {
    vi.mocked(liveRequest).mockResolvedValueOnce({
      ok: true,
      data: { messages: [message], hasMore: false },
    });
    await openChannel(channel);
    vi.mocked(liveRequest).mockResolvedValueOnce({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'no' },
    });
    const result = await deleteMessage(message);
    expect(result.ok).toBe(false);
    expect(held()?.messages).toEqual([message]);
  });
});
