import type { ChatChannel } from '@kohtaamo/protocol';
import { and, desc, eq, isNull, or, lt, type SQL } from 'drizzle-orm';
import type { Db } from './db';
import { isUuid } from './mapping';
import { chatMessages, registrations, rooms, tables } from './schema';
import type { ChatRepository, StoredChatMessage } from './types';

const columns = {
  id: chatMessages.id,
  roomId: chatMessages.roomId,
  tableId: chatMessages.tableId,
  authorId: chatMessages.authorId,
  authorName: registrations.displayName,
  authorOrganisation: registrations.organisation,
  text: chatMessages.text,
  sentAt: chatMessages.sentAt,
};

type Row = {
  id: string;
  roomId: string;
  tableId: string | null;
  authorId: string;
  authorName: string;
  authorOrganisation: string;
  text: string;
  sentAt: Date;
};

function toMessage(row: Row): StoredChatMessage {
  const channel: ChatChannel = row.tableId
    ? { kind: 'table', tableId: row.tableId }
    : { kind: 'room', roomId: row.roomId };
  return {
    id: row.id,
    roomId: row.roomId,
    channel,
    author: { id: row.authorId, name: row.authorName, organisation: row.authorOrganisation },
    text: row.text,
    sentAt: row.sentAt.toISOString(),
  };
}

/** The rows of one channel: a room's own messages leave out those of its tables. */
function inChannel(fairId: string, channel: ChatChannel): SQL | undefined {
  return channel.kind === 'room'
    ? and(
        eq(chatMessages.fairId, fairId),
        eq(chatMessages.roomId, channel.roomId),
        isNull(chatMessages.tableId),
      )
    : and(eq(chatMessages.fairId, fairId), eq(chatMessages.tableId, channel.tableId));
}

function channelIdsAreUuids(channel: ChatChannel): boolean {
  return isUuid(channel.kind === 'room' ? channel.roomId : channel.tableId);
}

export function chatRepository(db: Db): ChatRepository {
  async function channelRoom(fairId: string, channel: ChatChannel): Promise<string | null> {
    if (!isUuid(fairId) || !channelIdsAreUuids(channel)) return null;
    if (channel.kind === 'room') {
      const [room] = await db
        .select({ id: rooms.id })
        .from(rooms)
        .where(and(eq(rooms.fairId, fairId), eq(rooms.id, channel.roomId)));
      return room?.id ?? null;
    }
    const [table] = await db
      .select({ roomId: tables.roomId })
      .from(tables)
      .innerJoin(rooms, eq(rooms.id, tables.roomId))
      .where(and(eq(rooms.fairId, fairId), eq(tables.id, channel.tableId)));
    return table?.roomId ?? null;
  }

  async function find(fairId: string, messageId: string): Promise<StoredChatMessage | null> {
    if (!isUuid(fairId) || !isUuid(messageId)) return null;
    const [row] = await db
      .select(columns)
      .from(chatMessages)
      .innerJoin(registrations, eq(registrations.id, chatMessages.authorId))
      .where(and(eq(chatMessages.fairId, fairId), eq(chatMessages.id, messageId)));
    return row ? toMessage(row) : null;
  }

  return {
    channelRoom,
    find,

    async add({ fairId, channel, authorId, text, sentAt }) {
      const roomId = await channelRoom(fairId, channel);
      if (!roomId) return null;
      const [inserted] = await db
        .insert(chatMessages)
        .values({
          fairId,
          roomId,
          tableId: channel.kind === 'table' ? channel.tableId : null,
          authorId,
          text,
          sentAt,
        })
        .returning({ id: chatMessages.id });
      return inserted ? find(fairId, inserted.id) : null;
    },

    async history(fairId, channel, { before, limit }) {
      if (!isUuid(fairId) || !channelIdsAreUuids(channel)) return { messages: [], hasMore: false };
      let olderThan: SQL | undefined;
      if (before) {
        const cursor = await find(fairId, before);
        if (!cursor) return { messages: [], hasMore: false };
        const at = new Date(cursor.sentAt);
        olderThan = or(
          lt(chatMessages.sentAt, at),
          and(eq(chatMessages.sentAt, at), lt(chatMessages.id, cursor.id)),
        );
      }
      const rows = await db
        .select(columns)
        .from(chatMessages)
        .innerJoin(registrations, eq(registrations.id, chatMessages.authorId))
        .where(and(inChannel(fairId, channel), olderThan))
        .orderBy(desc(chatMessages.sentAt), desc(chatMessages.id))
        .limit(limit + 1);
      const page = rows.slice(0, limit).reverse();
      return { messages: page.map(toMessage), hasMore: rows.length > limit };
    },

    async delete(fairId, messageId) {
      if (!isUuid(fairId) || !isUuid(messageId)) return false;
      const deleted = await db
        .delete(chatMessages)
        .where(and(eq(chatMessages.fairId, fairId), eq(chatMessages.id, messageId)))
        .returning({ id: chatMessages.id });
      return deleted.length > 0;
    },
  };
}
