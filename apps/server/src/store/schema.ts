import {
  AGENDA_KINDS,
  CARD_FIELDS,
  type CardFields,
  DEFAULT_MEETING_THRESHOLD_SECONDS,
  EXCHANGE_STATUSES,
  type FairReport,
  DEFAULT_TABLE_CAPACITY,
  FAIR_STATUSES,
  LANGUAGES,
  MAX_TABLE_CAPACITY,
  MIN_TABLE_CAPACITY,
  MODERATION_ACTION_KINDS,
  type ModerationAction,
  ORGANISATION_TYPES,
  ROLES,
  ROUND_MODES,
} from '@kohtaamo/protocol';
import { LIVE_CONTROL_KINDS } from '../domain/live-agenda';
import { sql, type SQL } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { uniqueConstraints } from './errors';

/**
 * One Postgres schema for both backends (PGlite and PostgreSQL). Check constraints repeat the
 * protocol's rules so that the database refuses bad data even when a caller skips validation.
 * After changing this file run `pnpm --filter @kohtaamo/server db:generate`.
 */

/** Text per UI language as stored in jsonb; empty languages are left out. */
export type LocalizedTextRow = { fi?: string; en?: string; sv?: string };

export const PLACE_KINDS = ['stage', 'room'] as const;

/** `column in ('a', 'b')` with literals, because check constraints cannot take parameters. */
function oneOf(column: AnyPgColumn, values: readonly string[]): SQL {
  return sql`${column} in (${sql.raw(values.map((value) => `'${value}'`).join(', '))})`;
}

const textArrayLiteral = (values: readonly string[]) =>
  sql.raw(`ARRAY[${values.map((value) => `'${value}'`).join(', ')}]::text[]`);

const id = () => uuid('id').primaryKey().defaultRandom();
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

export const accounts = pgTable(
  'accounts',
  {
    id: id(),
    email: text('email').notNull(),
    passwordHash: text('password_hash').notNull(),
    displayName: text('display_name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique(uniqueConstraints.accountEmail).on(t.email),
    // Lookups compare lowercase addresses, so a mixed-case row could never be found.
    check('accounts_email_lowercase', sql`${t.email} = lower(${t.email})`),
  ],
);

/**
 * Failed sign-ins per email address, for the lock-out. Keyed by a keyed hash of the address, so
 * unknown addresses lock exactly like real ones (the answer reveals nothing) and no address is
 * stored in the clear; no reference to accounts for the same reason.
 */
export const signInLockouts = pgTable('sign_in_lockouts', {
  emailKey: text('email_key').primaryKey(),
  failures: integer('failures').notNull(),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
});

export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('sessions_account_id_idx').on(t.accountId)],
);

export const fairs = pgTable(
  'fairs',
  {
    id: id(),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    timeZone: text('time_zone').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    languages: text('languages', { enum: LANGUAGES }).array().notNull(),
    status: text('status', { enum: FAIR_STATUSES }).notNull().default('draft'),
    meetingThresholdSeconds: integer('meeting_threshold_seconds')
      .notNull()
      .default(DEFAULT_MEETING_THRESHOLD_SECONDS),
    inviteCode: text('invite_code').notNull(),
    /** When an organiser erased the fair's personal data; null while it is kept. */
    erasedAt: timestamp('erased_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique(uniqueConstraints.fairSlug).on(t.slug),
    unique(uniqueConstraints.fairInviteCode).on(t.inviteCode),
    check('fairs_status_valid', oneOf(t.status, FAIR_STATUSES)),
    check('fairs_meeting_threshold_range', sql`${t.meetingThresholdSeconds} between 10 and 3600`),
    check('fairs_ends_after_start', sql`${t.endsAt} > ${t.startsAt}`),
    check(
      'fairs_languages_valid',
      sql`cardinality(${t.languages}) between 1 and 3 and ${t.languages} <@ ${textArrayLiteral(LANGUAGES)}`,
    ),
  ],
);

export const rooms = pgTable(
  'rooms',
  {
    id: id(),
    fairId: uuid('fair_id')
      .notNull()
      .references(() => fairs.id, { onDelete: 'cascade' }),
    names: jsonb('names').$type<LocalizedTextRow>().notNull(),
    description: jsonb('description').$type<LocalizedTextRow>().notNull().default({}),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('rooms_fair_position_idx').on(t.fairId, t.position),
    check('rooms_names_object', sql`jsonb_typeof(${t.names}) = 'object'`),
    check('rooms_description_object', sql`jsonb_typeof(${t.description}) = 'object'`),
  ],
);

export const tables = pgTable(
  'tables',
  {
    id: id(),
    roomId: uuid('room_id')
      .notNull()
      .references(() => rooms.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    capacity: integer('capacity').notNull().default(DEFAULT_TABLE_CAPACITY),
    locked: boolean('locked').notNull().default(false),
    closed: boolean('closed').notNull().default(false),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('tables_room_position_idx').on(t.roomId, t.position),
    check(
      'tables_capacity_range',
      sql`${t.capacity} between ${sql.raw(String(MIN_TABLE_CAPACITY))} and ${sql.raw(String(MAX_TABLE_CAPACITY))}`,
    ),
  ],
);

export const agendaItems = pgTable(
  'agenda_items',
  {
    id: id(),
    fairId: uuid('fair_id')
      .notNull()
      .references(() => fairs.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: AGENDA_KINDS }).notNull(),
    title: jsonb('title').$type<LocalizedTextRow>().notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    speakerIds: uuid('speaker_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    placeKind: text('place_kind', { enum: PLACE_KINDS }).notNull().default('stage'),
    // Set null would break agenda_items_place_consistent; the room repository moves the items
    // to the stage before deleting a room, so this only fires for deletes that bypass it.
    roomId: uuid('room_id').references(() => rooms.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('agenda_items_fair_starts_idx').on(t.fairId, t.startsAt),
    index('agenda_items_room_id_idx').on(t.roomId),
    check('agenda_items_kind_valid', oneOf(t.kind, AGENDA_KINDS)),
    check('agenda_items_place_kind_valid', oneOf(t.placeKind, PLACE_KINDS)),
    check('agenda_items_ends_after_start', sql`${t.endsAt} > ${t.startsAt}`),
    check(
      'agenda_items_place_consistent',
      sql`(${t.placeKind} = 'room') = (${t.roomId} is not null)`,
    ),
    check('agenda_items_title_object', sql`jsonb_typeof(${t.title}) = 'object'`),
  ],
);

export const registrations = pgTable(
  'registrations',
  {
    id: id(),
    fairId: uuid('fair_id')
      .notNull()
      .references(() => fairs.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ROLES }).notNull().default('participant'),
    displayName: text('display_name').notNull(),
    organisation: text('organisation').notNull(),
    organisationType: text('organisation_type', { enum: ORGANISATION_TYPES }).notNull(),
    title: text('title').notNull().default(''),
    languages: text('languages')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    // Room ids; no foreign key on array elements, so the room repository scrubs deleted rooms.
    themes: uuid('themes')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    // When the person consented to the data use while registering through the invite.
    consentedAt: timestamp('consented_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique(uniqueConstraints.registrationFairAccount).on(t.fairId, t.accountId),
    index('registrations_account_id_idx').on(t.accountId),
    check('registrations_role_valid', oneOf(t.role, ROLES)),
    check('registrations_organisation_type_valid', oneOf(t.organisationType, ORGANISATION_TYPES)),
  ],
);

export const roomFacilitators = pgTable(
  'room_facilitators',
  {
    roomId: uuid('room_id')
      .notNull()
      .references(() => rooms.id, { onDelete: 'cascade' }),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ name: 'room_facilitators_pk', columns: [t.roomId, t.registrationId] }),
    index('room_facilitators_registration_id_idx').on(t.registrationId),
  ],
);

/** Who sat at which table and when: the record that meetings are computed from. */
export const seatIntervals = pgTable(
  'seat_intervals',
  {
    id: id(),
    fairId: uuid('fair_id')
      .notNull()
      .references(() => fairs.id, { onDelete: 'cascade' }),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    // No foreign key: who sat together stays on record even if the table is deleted later.
    tableId: uuid('table_id').notNull(),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull(),
    leftAt: timestamp('left_at', { withTimezone: true }),
  },
  (t) => [
    index('seat_intervals_fair_id_idx').on(t.fairId),
    // A person's own intervals, and who sat at those tables around the same time (listNear).
    index('seat_intervals_registration_id_idx').on(t.registrationId),
    index('seat_intervals_table_joined_idx').on(t.tableId, t.joinedAt),
    // A person sits at one table at a time, so at most one of their intervals is open.
    uniqueIndex('seat_intervals_one_open_per_person')
      .on(t.registrationId)
      .where(sql`${t.leftAt} is null`),
    check(
      'seat_intervals_left_after_joined',
      sql`${t.leftAt} is null or ${t.leftAt} >= ${t.joinedAt}`,
    ),
  ],
);

/** A person's contact card in a fair; absent until they first save one. */
export const contactCards = pgTable('contact_cards', {
  registrationId: uuid('registration_id')
    .primaryKey()
    .references(() => registrations.id, { onDelete: 'cascade' }),
  fairId: uuid('fair_id')
    .notNull()
    .references(() => fairs.id, { onDelete: 'cascade' }),
  fields: jsonb('fields').$type<CardFields>().notNull(),
  shared: text('shared', { enum: CARD_FIELDS }).array().notNull(),
  updatedAt: updatedAt(),
});

export const exchanges = pgTable(
  'exchanges',
  {
    id: id(),
    fairId: uuid('fair_id')
      .notNull()
      .references(() => fairs.id, { onDelete: 'cascade' }),
    fromId: uuid('from_id')
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    toId: uuid('to_id')
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    message: text('message').notNull().default(''),
    status: text('status', { enum: EXCHANGE_STATUSES }).notNull().default('pending'),
    createdAt: createdAt(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (t) => [
    index('exchanges_fair_id_idx').on(t.fairId),
    index('exchanges_from_created_idx').on(t.fromId, t.createdAt),
    index('exchanges_to_id_idx').on(t.toId),
    // One open request per direction; the repository also keeps one accepted per pair.
    uniqueIndex('exchanges_one_pending')
      .on(t.fromId, t.toId)
      .where(sql`${t.status} = 'pending'`),
    check('exchanges_status_valid', oneOf(t.status, EXCHANGE_STATUSES)),
    check('exchanges_not_self', sql`${t.fromId} <> ${t.toId}`),
  ],
);

export const blocks = pgTable(
  'blocks',
  {
    blockerId: uuid('blocker_id')
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    blockedId: uuid('blocked_id')
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    fairId: uuid('fair_id')
      .notNull()
      .references(() => fairs.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ name: 'blocks_pk', columns: [t.blockerId, t.blockedId] })],
);

/** A private note one person keeps on another; read by its owner only. */
export const contactNotes = pgTable(
  'contact_notes',
  {
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    fairId: uuid('fair_id')
      .notNull()
      .references(() => fairs.id, { onDelete: 'cascade' }),
    note: text('note').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ name: 'contact_notes_pk', columns: [t.ownerId, t.contactId] })],
);

/**
 * Time two people sat together at one table, derived from seat intervals (and rebuilt from them
 * whenever asked). Kept per table because a freed seat recomputes its own table alone; a pair's
 * time in the fair is the sum over its rows. Later fairs read it to know who had met before.
 * `person_a` < `person_b`.
 */
export const meetings = pgTable(
  'meetings',
  {
    fairId: uuid('fair_id')
      .notNull()
      .references(() => fairs.id, { onDelete: 'cascade' }),
    personA: uuid('person_a')
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    personB: uuid('person_b')
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    // No foreign key, as for seat intervals: the time together stands if the table is deleted.
    tableId: uuid('table_id').notNull(),
    overlapMs: bigint('overlap_ms', { mode: 'number' }).notNull(),
    firstAt: timestamp('first_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    // Both people's rows at a table are found by prefix: a freed seat replaces just those.
    primaryKey({ name: 'meetings_pk', columns: [t.personA, t.tableId, t.personB] }),
    index('meetings_fair_id_idx').on(t.fairId),
    index('meetings_person_b_idx').on(t.personB, t.tableId),
    check('meetings_ordered_pair', sql`${t.personA} < ${t.personB}`),
    check('meetings_overlap_not_negative', sql`${t.overlapMs} >= 0`),
  ],
);

// Chat and raise hand (issue 6).

/**
 * A chat message in a room's channel (`table_id` null) or a table's. The room is kept for table
 * messages too, so a facilitator's rights follow from the row. Deleting removes the row: a
 * message a moderator took down should not linger anywhere.
 */
export const chatMessages = pgTable(
  'chat_messages',
  {
    id: id(),
    fairId: uuid('fair_id')
      .notNull()
      .references(() => fairs.id, { onDelete: 'cascade' }),
    roomId: uuid('room_id')
      .notNull()
      .references(() => rooms.id, { onDelete: 'cascade' }),
    tableId: uuid('table_id').references(() => tables.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('chat_messages_room_sent_idx').on(t.roomId, t.sentAt, t.id),
    index('chat_messages_table_sent_idx').on(t.tableId, t.sentAt, t.id),
    check('chat_messages_text_length', sql`char_length(${t.text}) between 1 and 1000`),
  ],
);

export const HELP_OUTCOMES = ['resolved', 'cancelled'] as const;

/** A raised hand: open until resolved by staff or cancelled by the person. */
export const helpRequests = pgTable(
  'help_requests',
  {
    id: id(),
    fairId: uuid('fair_id')
      .notNull()
      .references(() => fairs.id, { onDelete: 'cascade' }),
    roomId: uuid('room_id')
      .notNull()
      .references(() => rooms.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    note: text('note').notNull().default(''),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by').references(() => registrations.id, { onDelete: 'set null' }),
    outcome: text('outcome'),
  },
  (t) => [
    index('help_requests_room_open_idx')
      .on(t.roomId, t.raisedAt)
      .where(sql`${t.closedAt} is null`),
    // One open hand per person.
    uniqueIndex('help_requests_one_open')
      .on(t.personId)
      .where(sql`${t.closedAt} is null`),
    check('help_requests_note_length', sql`char_length(${t.note}) <= 280`),
    check('help_requests_closed_together', sql`(${t.closedAt} is null) = (${t.outcome} is null)`),
    check(
      'help_requests_outcome_valid',
      sql`${t.outcome} is null or ${oneOf(t.outcome, HELP_OUTCOMES)}`,
    ),
  ],
);

// Moderation (issue 6): the organisers' log of moderation actions, and the places remembered
// while everyone is on the stage.

/** A person as the log shows them: their name and organisation when it happened. */
export type LoggedPersonRow = { id: string; name: string; organisation: string };

/** Every moderation action, stored before it is acknowledged. */
export const moderationLog = pgTable(
  'moderation_log',
  {
    id: id(),
    fairId: uuid('fair_id')
      .notNull()
      .references(() => fairs.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull(),
    // Set null when the person's account is deleted: the entry stays, with the names anonymised
    // beforehand by the account erasure (`store/erasure.ts`).
    actorId: uuid('actor_id').references(() => registrations.id, { onDelete: 'set null' }),
    actor: jsonb('actor').$type<LoggedPersonRow>().notNull(),
    kind: text('kind').notNull(),
    /** The action's details (`ModerationAction` of the protocol). */
    action: jsonb('action').$type<ModerationAction>().notNull(),
    targetId: uuid('target_id').references(() => registrations.id, { onDelete: 'set null' }),
    target: jsonb('target').$type<LoggedPersonRow>(),
    // No references: the log outlives a room or table deleted later.
    roomId: uuid('room_id'),
    tableId: uuid('table_id'),
    reason: text('reason'),
  },
  (t) => [
    index('moderation_log_fair_at_idx').on(t.fairId, t.at),
    check('moderation_log_kind', oneOf(t.kind, MODERATION_ACTION_KINDS)),
    check('moderation_log_action_kind', sql`${t.action} ->> 'kind' = ${t.kind}`),
    // A target id without the person as logged is a bug; the reverse is an anonymised entry.
    check('moderation_log_target_named', sql`${t.targetId} is null or ${t.target} is not null`),
  ],
);

/** "Everyone to the stage" is on in this fair: every table is held until they go back. */
export const stageCalls = pgTable('stage_calls', {
  fairId: uuid('fair_id')
    .primaryKey()
    .references(() => fairs.id, { onDelete: 'cascade' }),
  calledAt: timestamp('called_at', { withTimezone: true }).notNull(),
  calledBy: uuid('called_by')
    .notNull()
    .references(() => registrations.id, { onDelete: 'cascade' }),
});

/** Where each person called to the stage was: the lobby (no room), a room, or a table. */
export const stagePlaces = pgTable(
  'stage_places',
  {
    fairId: uuid('fair_id')
      .notNull()
      .references(() => stageCalls.fairId, { onDelete: 'cascade' }),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    roomId: uuid('room_id'),
    tableId: uuid('table_id'),
  },
  (t) => [
    primaryKey({ name: 'stage_places_pk', columns: [t.fairId, t.registrationId] }),
    check('stage_places_table_in_room', sql`${t.tableId} is null or ${t.roomId} is not null`),
  ],
);

// ── Live agenda ──────────────────────────────────────────────────────────────────────────────

/**
 * The organisers' and facilitators' controls of a running fair, in the order taken. The live
 * agenda (times, what is on, announcements) is replayed from these and the agenda items.
 */
export const agendaControls = pgTable(
  'agenda_controls',
  {
    id: id(),
    /** Breaks ties between controls taken at the same instant. */
    seq: integer('seq').generatedAlwaysAsIdentity(),
    fairId: uuid('fair_id')
      .notNull()
      .references(() => fairs.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: LIVE_CONTROL_KINDS }).notNull(),
    // No foreign key: a deleted item's controls are skipped when the log is replayed.
    itemId: uuid('item_id'),
    roomId: uuid('room_id').references(() => rooms.id, { onDelete: 'cascade' }),
    minutes: integer('minutes'),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id').references(() => registrations.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('agenda_controls_fair_at_idx').on(t.fairId, t.at),
    check('agenda_controls_kind_valid', oneOf(t.kind, LIVE_CONTROL_KINDS)),
    check('agenda_controls_item_given', sql`(${t.kind} like 'item.%') = (${t.itemId} is not null)`),
    check('agenda_controls_room_given', sql`(${t.kind} like 'room.%') = (${t.roomId} is not null)`),
    check(
      'agenda_controls_minutes_given',
      sql`(${t.kind} in ('item.extend', 'room.start')) = (${t.minutes} is not null)`,
    ),
    check('agenda_controls_minutes_positive', sql`${t.minutes} is null or ${t.minutes} > 0`),
  ],
);

// --- Rounds: seating plans of networking rounds, opt-outs, and the once-only start claim. ---

/** The organisers' plan for one networking round; a round without a row moves nobody. */
export const roundPlans = pgTable(
  'round_plans',
  {
    itemId: uuid('item_id')
      .primaryKey()
      .references(() => agendaItems.id, { onDelete: 'cascade' }),
    fairId: uuid('fair_id')
      .notNull()
      .references(() => fairs.id, { onDelete: 'cascade' }),
    mode: text('mode', { enum: ROUND_MODES }).notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [check('round_plans_mode_valid', oneOf(t.mode, ROUND_MODES))],
);

/** A person the organisers put at a table for a round; gone with the table or the person. */
export const roundPreassignments = pgTable(
  'round_preassignments',
  {
    itemId: uuid('item_id')
      .notNull()
      .references(() => roundPlans.itemId, { onDelete: 'cascade' }),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    tableId: uuid('table_id')
      .notNull()
      .references(() => tables.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ name: 'round_preassignments_pk', columns: [t.itemId, t.registrationId] }),
    index('round_preassignments_table_id_idx').on(t.tableId),
    index('round_preassignments_registration_id_idx').on(t.registrationId),
  ],
);

/** People who stay where they are when a round shuffles everyone. */
export const roundOptOuts = pgTable('round_opt_outs', {
  registrationId: uuid('registration_id')
    .primaryKey()
    .references(() => registrations.id, { onDelete: 'cascade' }),
  fairId: uuid('fair_id')
    .notNull()
    .references(() => fairs.id, { onDelete: 'cascade' }),
  createdAt: createdAt(),
});

/** Written by the first node to apply a round's seating, so no other node applies it again. */
export const roundClaims = pgTable('round_claims', {
  itemId: uuid('item_id')
    .primaryKey()
    .references(() => agendaItems.id, { onDelete: 'cascade' }),
  fairId: uuid('fair_id')
    .notNull()
    .references(() => fairs.id, { onDelete: 'cascade' }),
  claimedAt: timestamp('claimed_at', { withTimezone: true }).notNull(),
});

// --- Data protection: what is left of a fair whose personal data was erased. ---

/** The organiser's report as it stood just before the fair's personal data was erased. */
export const reportSnapshots = pgTable('report_snapshots', {
  fairId: uuid('fair_id')
    .primaryKey()
    .references(() => fairs.id, { onDelete: 'cascade' }),
  /** A `FairReport` of the protocol: counts only, no people. */
  report: jsonb('report').$type<FairReport>().notNull(),
  takenAt: timestamp('taken_at', { withTimezone: true }).notNull(),
});
