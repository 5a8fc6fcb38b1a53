import type { PersonalDataExport, PersonalFairData, PersonRef } from '@kohtaamo/protocol';
import { and, asc, eq, inArray, or } from 'drizzle-orm';
import { toAccount } from './accounts';
import type { Db } from './db';
import { isUuid } from './mapping';
import { registrationRepository } from './registrations';
import {
  accounts,
  blocks,
  chatMessages,
  contactCards,
  contactNotes,
  exchanges,
  fairs,
  helpRequests,
  meetings,
  moderationLog,
  registrations,
  roundOptOuts,
  seatIntervals,
} from './schema';

const iso = (date: Date) => date.toISOString();
const isoOrNull = (date: Date | null) => (date ? date.toISOString() : null);

/**
 * Everything held about one account, gathered for its owner (`GET myData`): their own rows, and
 * of other people only the name and organisation the owner saw in the fair.
 */
export async function exportPersonalData(
  db: Db,
  accountId: string,
  now: Date,
): Promise<PersonalDataExport | null> {
  if (!isUuid(accountId)) return null;
  const [account] = await db.select().from(accounts).where(eq(accounts.id, accountId));
  if (!account) return null;
  const mine = await db
    .select({ id: registrations.id, fairId: registrations.fairId })
    .from(registrations)
    .innerJoin(fairs, eq(fairs.id, registrations.fairId))
    .where(eq(registrations.accountId, accountId))
    .orderBy(asc(fairs.startsAt), asc(fairs.id));
  const fairsData: PersonalFairData[] = [];
  for (const { id, fairId } of mine) {
    const data = await fairData(db, fairId, id);
    if (data) fairsData.push(data);
  }
  return { exportedAt: iso(now), account: toAccount(account), fairs: fairsData };
}

async function peopleOf(db: Db, fairId: string, ids: string[]): Promise<Map<string, PersonRef>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: registrations.id,
      name: registrations.displayName,
      organisation: registrations.organisation,
    })
    .from(registrations)
    .where(and(eq(registrations.fairId, fairId), inArray(registrations.id, ids)));
  return new Map(rows.map((row) => [row.id, row]));
}

async function fairData(db: Db, fairId: string, me: string): Promise<PersonalFairData | null> {
  const [fair] = await db
    .select({
      id: fairs.id,
      slug: fairs.slug,
      title: fairs.title,
      startsAt: fairs.startsAt,
      endsAt: fairs.endsAt,
    })
    .from(fairs)
    .where(eq(fairs.id, fairId));
  const registration = await registrationRepository(db).findById(fairId, me);
  if (!fair || !registration) return null;

  const [card] = await db.select().from(contactCards).where(eq(contactCards.registrationId, me));
  const exchangeRows = await db
    .select()
    .from(exchanges)
    .where(or(eq(exchanges.fromId, me), eq(exchanges.toId, me)))
    .orderBy(asc(exchanges.createdAt));
  const noteRows = await db.select().from(contactNotes).where(eq(contactNotes.ownerId, me));
  const blockRows = await db.select().from(blocks).where(eq(blocks.blockerId, me));
  const intervalRows = await db
    .select()
    .from(seatIntervals)
    .where(eq(seatIntervals.registrationId, me))
    .orderBy(asc(seatIntervals.joinedAt));
  const meetingRows = await db
    .select()
    .from(meetings)
    .where(or(eq(meetings.personA, me), eq(meetings.personB, me)))
    .orderBy(asc(meetings.firstAt));
  const chatRows = await db
    .select()
    .from(chatMessages)
    .where(eq(chatMessages.authorId, me))
    .orderBy(asc(chatMessages.sentAt));
  const helpRows = await db
    .select()
    .from(helpRequests)
    .where(eq(helpRequests.personId, me))
    .orderBy(asc(helpRequests.raisedAt));
  const moderationRows = await db
    .select()
    .from(moderationLog)
    .where(eq(moderationLog.targetId, me))
    .orderBy(asc(moderationLog.at));
  const [optOut] = await db.select().from(roundOptOuts).where(eq(roundOptOuts.registrationId, me));

  const others = await peopleOf(db, fairId, [
    ...exchangeRows.map((row) => (row.fromId === me ? row.toId : row.fromId)),
    ...noteRows.map((row) => row.contactId),
    ...blockRows.map((row) => row.blockedId),
    ...meetingRows.map((row) => (row.personA === me ? row.personB : row.personA)),
  ]);
  const person = (id: string) => others.get(id) ?? null;

  return {
    fair: { ...fair, startsAt: iso(fair.startsAt), endsAt: iso(fair.endsAt) },
    registration,
    card: card
      ? { fields: card.fields, shared: card.shared, updatedAt: iso(card.updatedAt) }
      : null,
    exchanges: exchangeRows.map((row) => ({
      id: row.id,
      direction: row.fromId === me ? 'sent' : 'received',
      other: person(row.fromId === me ? row.toId : row.fromId),
      message: row.message,
      status: row.status,
      createdAt: iso(row.createdAt),
      answeredAt: isoOrNull(row.answeredAt),
    })),
    notes: noteRows.map((row) => ({ contact: person(row.contactId), note: row.note })),
    blocked: blockRows.map((row) => person(row.blockedId)),
    seatIntervals: intervalRows.map((row) => ({
      tableId: row.tableId,
      joinedAt: iso(row.joinedAt),
      leftAt: isoOrNull(row.leftAt),
    })),
    meetings: meetingRows.map((row) => ({
      other: person(row.personA === me ? row.personB : row.personA),
      tableId: row.tableId,
      overlapSeconds: Math.floor(row.overlapMs / 1000),
      firstAt: iso(row.firstAt),
    })),
    chatMessages: chatRows.map((row) => ({
      id: row.id,
      roomId: row.roomId,
      tableId: row.tableId,
      text: row.text,
      sentAt: iso(row.sentAt),
    })),
    helpRequests: helpRows.map((row) => ({
      id: row.id,
      roomId: row.roomId,
      note: row.note,
      raisedAt: iso(row.raisedAt),
      closedAt: isoOrNull(row.closedAt),
      outcome: row.outcome,
    })),
    moderation: moderationRows.map((row) => ({
      at: iso(row.at),
      by: row.actor,
      action: row.action,
      reason: row.reason,
    })),
    roundOptOut: optOut !== undefined,
  };
}
