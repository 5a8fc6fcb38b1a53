/**
 * The chat channels this client has open, fed by the answers to `chat.*` requests and by the
 * live events `chat.message` and `chat.deleted`. React-free: components read the store and
 * call these actions.
 */
import { type ChatChannel, chatChannelKey, type ChatMessage } from '@kohtaamo/protocol';
import { create } from 'zustand';
import { onLiveEvent } from '../../lib/realtime/live-events';
import type { RealtimeResult } from '../../lib/realtime/result';
import { liveRequest } from '../live/live-session';
import {
  type ChannelChat,
  historyFailed,
  historyLoaded,
  loadingChannel,
  messageArrived,
  messageDeleted,
} from './chat-state';

interface ChatState {
  /** By `chatChannelKey`; only channels a panel opened. */
  channels: Record<string, ChannelChat>;
}

const initialState: ChatState = { channels: {} };

export const useChatStore = create<ChatState>()(() => initialState);

function update(key: string, change: (channel: ChannelChat) => ChannelChat): void {
  useChatStore.setState((state) => {
    const channel = state.channels[key];
    return channel ? { channels: { ...state.channels, [key]: change(channel) } } : state;
  });
}

/** Loads the latest page of a channel; again after a reconnection, to catch up. */
export async function openChannel(channel: ChatChannel): Promise<void> {
  const key = chatChannelKey(channel);
  useChatStore.setState((state) => ({
    channels: { ...state.channels, [key]: state.channels[key] ?? loadingChannel },
  }));
  const result = await liveRequest('chat.history', { channel });
  if (result.ok) update(key, (held) => historyLoaded(held, result.data));
  else update(key, (held) => historyFailed(held, result.error.code));
}

/** Loads the page before the oldest message held. */
export async function loadOlder(channel: ChatChannel): Promise<RealtimeResult<unknown>> {
  const key = chatChannelKey(channel);
  const oldest = useChatStore.getState().channels[key]?.messages[0];
  const result = await liveRequest('chat.history', { channel, before: oldest?.id });
  if (result.ok) update(key, (held) => historyLoaded(held, result.data));
  return result;
}

export async function sendMessage(
  channel: ChatChannel,
  text: string,
): Promise<RealtimeResult<ChatMessage>> {
  const result = await liveRequest('chat.send', { channel, text });
  if (result.ok)
    update(chatChannelKey(channel), (held) => messageArrived(held, result.data, false));
  return result;
}

export async function deleteMessage(message: ChatMessage): Promise<RealtimeResult<unknown>> {
  const result = await liveRequest('chat.delete', { messageId: message.id });
  // Gone already counts as done: someone else deleted it first.
  if (result.ok || result.error.code === 'NOT_FOUND') {
    update(chatChannelKey(message.channel), (held) => messageDeleted(held, message.id));
  }
  return result;
}

onLiveEvent('chat.message', (message) => {
  update(chatChannelKey(message.channel), (held) => messageArrived(held, message, true));
});
onLiveEvent('chat.deleted', ({ channel, messageId }) => {
  update(chatChannelKey(channel), (held) => messageDeleted(held, messageId));
});

/** Tests start from a clean store. */
export function resetChatStore(): void {
  useChatStore.setState(initialState, true);
}
