import type { ChatHistory, ChatMessage } from '@kohtaamo/protocol';
import type { RealtimeErrorCode } from '../../lib/realtime/result';

/** What the client holds of one channel: a window of its latest messages, oldest first. */
export interface ChannelChat {
  status: 'loading' | 'ready' | 'error';
  errorCode: RealtimeErrorCode | null;
  messages: ChatMessage[];
  /** Older messages exist on the server. */
  hasMore: boolean;
  /** The newest message someone else sent while the channel was open, to announce. */
  arrived: ChatMessage | null;
  /**
   * Messages deleted while this client held the channel, so that a history page read just
   * before the deletion cannot bring one back.
   */
  deletedIds: string[];
}

export const loadingChannel: ChannelChat = {
  status: 'loading',
  errorCode: null,
  messages: [],
  hasMore: false,
  arrived: null,
  deletedIds: [],
};

function inOrder(a: ChatMessage, b: ChatMessage): number {
  if (a.sentAt !== b.sentAt) return a.sentAt < b.sentAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The messages of both lists once each, oldest first, without the deleted ones. */
function merged(state: ChannelChat, added: readonly ChatMessage[]): ChatMessage[] {
  const byId = new Map(state.messages.map((message) => [message.id, message]));
  for (const message of added) byId.set(message.id, message);
  for (const id of state.deletedIds) byId.delete(id);
  return [...byId.values()].sort(inOrder);
}

/**
 * A page of history arrived, the latest or an older one: its messages join those held (live
 * messages that came meanwhile stay), and it tells whether the server has older ones.
 */
export function historyLoaded(state: ChannelChat, history: ChatHistory): ChannelChat {
  return {
    ...state,
    status: 'ready',
    errorCode: null,
    messages: merged(state, history.messages),
    hasMore: history.hasMore,
  };
}

export function historyFailed(state: ChannelChat, code: RealtimeErrorCode): ChannelChat {
  return state.status === 'ready' ? state : { ...state, status: 'error', errorCode: code };
}

/** A message arrived: live from the server (`announce`), or as the answer to one's own send. */
export function messageArrived(
  state: ChannelChat,
  message: ChatMessage,
  announce: boolean,
): ChannelChat {
  if (state.deletedIds.includes(message.id)) return state;
  const known = state.messages.some((held) => held.id === message.id);
  return {
    ...state,
    messages: known ? state.messages : merged(state, [message]),
    arrived: announce && !known ? message : state.arrived,
  };
}

export function messageDeleted(state: ChannelChat, messageId: string): ChannelChat {
  return {
    ...state,
    messages: state.messages.filter((message) => message.id !== messageId),
    arrived: state.arrived?.id === messageId ? null : state.arrived,
    deletedIds: state.deletedIds.includes(messageId)
      ? state.deletedIds
      : [...state.deletedIds, messageId],
  };
}
