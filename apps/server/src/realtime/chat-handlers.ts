import { CHAT_HISTORY_PAGE, type ChatChannel, type ChatMessage } from '@kohtaamo/protocol';
import { mayDeleteMessage, moderatesRoom, takesPart } from '../domain/chat-access';
import type { Presence } from '../presence/types';
import type { Store } from '../store/types';
import { currentActor } from './actor';
import type { Handlers } from './dispatcher';
import type { Member } from './handshake';
import type { LiveEmit } from './live-emit';
import { socketRooms } from './places';
import { RealtimeError } from './realtime-error';

export interface ChatDeps {
  store: Store;
  presence: Presence;
  emit: LiveEmit;
  now: () => Date;
}

type ChatHandlers = Pick<Handlers, 'chat.send' | 'chat.history' | 'chat.delete'>;

/** The Socket.IO room whose members hear a channel: everyone in the room, or at the table. */
function channelSocketRoom(channel: ChatChannel): string {
  return channel.kind === 'room'
    ? socketRooms.room(channel.roomId)
    : socketRooms.table(channel.tableId);
}

/** What the wire carries of a stored message (the room stays on the server). */
function wireMessage({ id, channel, author, text, sentAt }: ChatMessage): ChatMessage {
  return { id, channel, author, text, sentAt };
}

const notHere = () => new RealtimeError('FORBIDDEN', 'Join the room or table to use its chat');

/**
 * Chat of one connection. Presence is read on every event, so leaving a table closes its chat
 * at once, on whichever node the person moved.
 */
export function chatHandlers(deps: ChatDeps, member: Member): ChatHandlers {
  const { store, presence } = deps;

  async function location() {
    return (await presence.whereIs(member.fairId, member.person.id))?.location ?? null;
  }

  /** The channel's room, after checking that the person may read it. */
  async function readableRoom(channel: ChatChannel): Promise<string> {
    const roomId = await store.chat.channelRoom(member.fairId, channel);
    if (!roomId) throw new RealtimeError('NOT_FOUND', 'No such room or table in this fair');
    if (takesPart(await location(), channel)) return roomId;
    if (moderatesRoom(await currentActor(store, member), roomId)) return roomId;
    throw notHere();
  }

  return {
    'chat.send': async ({ channel, text }) => {
      if (!takesPart(await location(), channel)) throw notHere();
      const message = await store.chat.add({
        fairId: member.fairId,
        channel,
        authorId: member.registrationId,
        text,
        sentAt: deps.now(),
      });
      if (!message) throw new RealtimeError('NOT_FOUND', 'No such room or table in this fair');
      const wire = wireMessage(message);
      deps.emit([channelSocketRoom(channel)], 'chat.message', wire);
      return wire;
    },

    'chat.history': async ({ channel, before }) => {
      await readableRoom(channel);
      const history = await store.chat.history(member.fairId, channel, {
        before,
        limit: CHAT_HISTORY_PAGE,
      });
      return { hasMore: history.hasMore, messages: history.messages.map(wireMessage) };
    },

    'chat.delete': async ({ messageId }) => {
      const message = await store.chat.find(member.fairId, messageId);
      if (!message) throw new RealtimeError('NOT_FOUND', 'The message is gone already');
      const actor = await currentActor(store, member);
      if (!mayDeleteMessage(actor, { authorId: message.author.id, roomId: message.roomId })) {
        throw new RealtimeError('FORBIDDEN', 'Only its author or a facilitator may delete this');
      }
      if (await store.chat.delete(member.fairId, messageId)) {
        deps.emit([channelSocketRoom(message.channel)], 'chat.deleted', {
          messageId,
          channel: message.channel,
        });
      }
      return {};
    },
  };
}
