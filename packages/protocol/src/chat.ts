import { z } from 'zod';
import { idSchema, isoDateTimeSchema, personRefSchema } from './common';

/**
 * Text chat in the live fair, one channel per room and one per table. The server checks
 * presence on every event: a room's channel is open to the people in the room (standing or at
 * one of its tables), a table's channel to the people seated at it; the room's facilitators
 * and the organisers may read both and delete messages. Messages are stored before the
 * acknowledgement and kept for the fair; a deleted message is gone for everyone.
 *
 * Client flow: on opening a channel ask `chat.history` (latest first page), then listen for
 * `chat.message` and `chat.deleted`; older pages with `before` (the oldest message id held).
 */

/** Longest message: a few paragraphs, enough for a link and why it matters. */
export const CHAT_MAX_CHARS = 1000;
/** Messages per history page. */
export const CHAT_HISTORY_PAGE = 50;

export const chatChannelSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('room'), roomId: idSchema }).strict(),
  z.object({ kind: z.literal('table'), tableId: idSchema }).strict(),
]);
export type ChatChannel = z.infer<typeof chatChannelSchema>;

/** One key per channel, for maps on either side. */
export function chatChannelKey(channel: ChatChannel): string {
  return channel.kind === 'room' ? `room:${channel.roomId}` : `table:${channel.tableId}`;
}

export const chatMessageSchema = z.object({
  id: idSchema,
  channel: chatChannelSchema,
  author: personRefSchema,
  text: z.string().min(1).max(CHAT_MAX_CHARS),
  sentAt: isoDateTimeSchema,
});
export type ChatMessage = z.infer<typeof chatMessageSchema>;

export const chatHistorySchema = z.object({
  /** Oldest first. */
  messages: z.array(chatMessageSchema).max(CHAT_HISTORY_PAGE),
  /** Older messages exist: ask again with `before` set to the first message's id. */
  hasMore: z.boolean(),
});
export type ChatHistory = z.infer<typeof chatHistorySchema>;

export const chatDeletedSchema = z.object({ messageId: idSchema, channel: chatChannelSchema });
export type ChatDeleted = z.infer<typeof chatDeletedSchema>;

/** Client → server chat events; spread into `clientEvents`. */
export const chatClientEvents = {
  /** Post to a channel one is in; answered with the stored message. */
  'chat.send': {
    payload: z
      .object({ channel: chatChannelSchema, text: z.string().trim().min(1).max(CHAT_MAX_CHARS) })
      .strict(),
    result: chatMessageSchema,
    // A thousand characters can pass 4 kB as JSON: control characters are escaped to six bytes.
    maxPayloadBytes: 8 * 1024,
  },
  /** The latest page of a channel, or the page before the message `before`. */
  'chat.history': {
    payload: z.object({ channel: chatChannelSchema, before: idSchema.optional() }).strict(),
    result: chatHistorySchema,
  },
  /** Delete a message: its author, a facilitator of its room or an organiser. */
  'chat.delete': {
    payload: z.object({ messageId: idSchema }).strict(),
    result: z.object({}),
  },
} as const;

/** Server → client chat events, sent to the channel's socket room (`room:<id>`, `table:<id>`). */
export const chatLiveEvents = {
  'chat.message': chatMessageSchema,
  'chat.deleted': chatDeletedSchema,
} as const;
