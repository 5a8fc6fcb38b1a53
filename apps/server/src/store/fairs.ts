import type { Fair } from '@kohtaamo/protocol';
import { asc, eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { Db } from './db';
import { given, isUuid, single } from './mapping';
import { insertRegistration } from './registrations';
import { copyFairContents } from './fair-copy';
import { fairs, registrations } from './schema';
import type { FairRepository, NewFair, NewOrganiser } from './types';

type FairRow = typeof fairs.$inferSelect;

function toFair(row: FairRow): Fair {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    description: row.description,
    timeZone: row.timeZone,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    languages: row.languages,
    status: row.status,
    meetingThresholdSeconds: row.meetingThresholdSeconds,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The fair row and its first organiser's registration, inside the caller's transaction. */
async function insertFairWithOrganiser(tx: Db, fair: NewFair, organiser: NewOrganiser) {
  const row = single(
    await tx
      .insert(fairs)
      .values({
        slug: fair.slug,
        title: fair.title,
        description: fair.description,
        timeZone: fair.timeZone,
        startsAt: new Date(fair.startsAt),
        endsAt: new Date(fair.endsAt),
        languages: fair.languages,
        status: fair.status,
        meetingThresholdSeconds: fair.meetingThresholdSeconds,
        inviteCode: organiser.inviteCode,
      })
      .returning(),
  );
  const registration = await insertRegistration(
    tx,
    row.id,
    organiser.accountId,
    organiser.profile,
    'organiser',
  );
  return { fair: toFair(row), registration };
}

export function fairRepository(db: Db): FairRepository {
  async function findOne(where: SQL): Promise<Fair | null> {
    const [row] = await db.select().from(fairs).where(where);
    return row ? toFair(row) : null;
  }

  return {
    create(fair, organiser) {
      return db.transaction((tx) => insertFairWithOrganiser(tx, fair, organiser));
    },

    copy(sourceFairId, fair, organiser, copy) {
      return db.transaction(async (tx) => {
        const created = await insertFairWithOrganiser(tx, fair, organiser);
        await copyFairContents(tx, {
          sourceFairId,
          targetFairId: created.fair.id,
          shiftTime: copy.shiftTime,
          copier: { sourceId: copy.copierSourceId, copyId: created.registration.id },
        });
        return created;
      });
    },

    async findById(fairId) {
      return isUuid(fairId) ? findOne(eq(fairs.id, fairId)) : null;
    },

    findBySlug(slug) {
      return findOne(eq(fairs.slug, slug));
    },

    findByInviteCode(code) {
      return findOne(eq(fairs.inviteCode, code));
    },

    async update(fairId, patch) {
      if (!isUuid(fairId)) return null;
      const changes = given({
        slug: patch.slug,
        title: patch.title,
        description: patch.description,
        timeZone: patch.timeZone,
        startsAt: patch.startsAt === undefined ? undefined : new Date(patch.startsAt),
        endsAt: patch.endsAt === undefined ? undefined : new Date(patch.endsAt),
        languages: patch.languages,
        status: patch.status,
        meetingThresholdSeconds: patch.meetingThresholdSeconds,
      });
      const [row] = await db
        .update(fairs)
        .set({ ...changes, updatedAt: sql`now()` })
        .where(eq(fairs.id, fairId))
        .returning();
      return row ? toFair(row) : null;
    },

    async listForAccount(accountId) {
      if (!isUuid(accountId)) return [];
      const rows = await db
        .select({ fair: getTableColumns(fairs), role: registrations.role })
        .from(registrations)
        .innerJoin(fairs, eq(fairs.id, registrations.fairId))
        .where(eq(registrations.accountId, accountId))
        .orderBy(asc(fairs.startsAt), asc(fairs.id));
      return rows.map((row) => ({ fair: toFair(row.fair), role: row.role }));
    },

    async inviteCode(fairId) {
      if (!isUuid(fairId)) return null;
      const [row] = await db
        .select({ inviteCode: fairs.inviteCode })
        .from(fairs)
        .where(eq(fairs.id, fairId));
      return row?.inviteCode ?? null;
    },

    async setInviteCode(fairId, code) {
      if (!isUuid(fairId)) return;
      await db
        .update(fairs)
        .set({ inviteCode: code, updatedAt: sql`now()` })
        .where(eq(fairs.id, fairId));
    },

    count() {
      return db.$count(fairs);
    },
  };
}
