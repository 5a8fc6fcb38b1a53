import type { Profile, Registration, Role } from '@kohtaamo/protocol';
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from './db';
import { distinctIds, groupBy, isUuid, single } from './mapping';
import { assertRoomsOfFair } from './references';
import { registrations, roomFacilitators, rooms } from './schema';
import type { RegistrationRepository } from './types';

type RegistrationRow = typeof registrations.$inferSelect;

const registrationOfFair = (fairId: string, registrationId: string) =>
  and(eq(registrations.id, registrationId), eq(registrations.fairId, fairId));

const themesPath = (index: number) => ['profile', 'themes', index];

function toRegistration(row: RegistrationRow, facilitatorRoomIds: string[]): Registration {
  return {
    id: row.id,
    fairId: row.fairId,
    accountId: row.accountId,
    role: row.role,
    facilitatorRoomIds,
    profile: {
      displayName: row.displayName,
      organisation: row.organisation,
      organisationType: row.organisationType,
      title: row.title,
      languages: row.languages,
      themes: row.themes,
    },
    consentedAt: row.consentedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

function profileColumns(profile: Profile) {
  return {
    displayName: profile.displayName,
    organisation: profile.organisation,
    organisationType: profile.organisationType,
    title: profile.title,
    languages: profile.languages,
    themes: distinctIds(profile.themes),
  };
}

/** Facilitated room ids per registration, in room order, for the registrations `where` picks. */
async function facilitatedRooms(db: Db, where: SQL | undefined): Promise<Map<string, string[]>> {
  const rows = await db
    .select({ registrationId: roomFacilitators.registrationId, roomId: roomFacilitators.roomId })
    .from(roomFacilitators)
    .innerJoin(rooms, eq(rooms.id, roomFacilitators.roomId))
    .where(where)
    .orderBy(asc(rooms.position), asc(rooms.createdAt), asc(rooms.id));
  return groupBy(
    rows,
    (row) => row.registrationId,
    (row) => row.roomId,
  );
}

async function withFacilitatedRooms(db: Db, row: RegistrationRow): Promise<Registration> {
  const roomsOf = await facilitatedRooms(db, eq(roomFacilitators.registrationId, row.id));
  return toRegistration(row, roomsOf.get(row.id) ?? []);
}

/**
 * Whether the registration is in the fair, asked first so that an update answers "not found"
 * before it looks at what the patch refers to. It takes no lock: the room checks that follow
 * must lock rooms before the registration row, in the order the room delete uses.
 */
async function isInFair(tx: Db, fairId: string, registrationId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: registrations.id })
    .from(registrations)
    .where(registrationOfFair(fairId, registrationId));
  return row !== undefined;
}

/**
 * Inserts a registration after checking its themes; run inside a transaction (fair creation
 * uses it for the organiser).
 */
export async function insertRegistration(
  tx: Db,
  fairId: string,
  accountId: string,
  profile: Profile,
  role: Role,
  consentedAt: Date | null = null,
): Promise<Registration> {
  await assertRoomsOfFair(tx, fairId, profile.themes, themesPath);
  const row = single(
    await tx
      .insert(registrations)
      .values({ fairId, accountId, role, consentedAt, ...profileColumns(profile) })
      .returning(),
  );
  return toRegistration(row, []);
}

export function registrationRepository(db: Db): RegistrationRepository {
  async function findOne(fairId: string, where: SQL): Promise<Registration | null> {
    const [row] = await db
      .select()
      .from(registrations)
      .where(and(eq(registrations.fairId, fairId), where));
    return row ? withFacilitatedRooms(db, row) : null;
  }

  return {
    create(fairId, accountId, profile, role = 'participant', consentedAt = null) {
      return db.transaction((tx) =>
        insertRegistration(tx, fairId, accountId, profile, role, consentedAt),
      );
    },

    async findByAccount(fairId, accountId) {
      if (!isUuid(fairId) || !isUuid(accountId)) return null;
      return findOne(fairId, eq(registrations.accountId, accountId));
    },

    async findById(fairId, registrationId) {
      if (!isUuid(fairId) || !isUuid(registrationId)) return null;
      return findOne(fairId, eq(registrations.id, registrationId));
    },

    async list(fairId, options = {}) {
      const ids = options.ids?.filter(isUuid);
      if (!isUuid(fairId) || options.roles?.length === 0 || ids?.length === 0) return [];
      const rows = await db
        .select()
        .from(registrations)
        .where(
          and(
            eq(registrations.fairId, fairId),
            options.roles ? inArray(registrations.role, [...options.roles]) : undefined,
            ids ? inArray(registrations.id, ids) : undefined,
          ),
        )
        .orderBy(asc(registrations.createdAt), asc(registrations.id));
      const roomsOf = await facilitatedRooms(db, eq(rooms.fairId, fairId));
      return rows.map((row) => toRegistration(row, roomsOf.get(row.id) ?? []));
    },

    async updateProfile(fairId, registrationId, profile) {
      if (!isUuid(fairId) || !isUuid(registrationId)) return null;
      return db.transaction(async (tx) => {
        if (!(await isInFair(tx, fairId, registrationId))) return null;
        await assertRoomsOfFair(tx, fairId, profile.themes, themesPath);
        const [row] = await tx
          .update(registrations)
          .set({ ...profileColumns(profile), updatedAt: sql`now()` })
          .where(registrationOfFair(fairId, registrationId))
          .returning();
        return row ? withFacilitatedRooms(tx, row) : null;
      });
    },

    async assignRole(fairId, registrationId, role, facilitatorRoomIds) {
      if (!isUuid(fairId) || !isUuid(registrationId)) return null;
      // Only facilitators have rooms; for other roles the list is ignored, as the protocol says.
      const roomIds = role === 'facilitator' ? facilitatorRoomIds : [];
      return db.transaction(async (tx) => {
        if (!(await isInFair(tx, fairId, registrationId))) return null;
        await assertRoomsOfFair(tx, fairId, roomIds, (i) => ['facilitatorRoomIds', i]);
        const [row] = await tx
          .update(registrations)
          .set({ role, updatedAt: sql`now()` })
          .where(registrationOfFair(fairId, registrationId))
          .returning();
        if (!row) return null;
        await tx.delete(roomFacilitators).where(eq(roomFacilitators.registrationId, row.id));
        const distinctRoomIds = distinctIds(roomIds);
        if (distinctRoomIds.length > 0) {
          await tx
            .insert(roomFacilitators)
            .values(distinctRoomIds.map((roomId) => ({ roomId, registrationId: row.id })));
        }
        return withFacilitatedRooms(tx, row);
      });
    },
  };
}
