import type {
  Account,
  ChatChannel,
  ChatHistory,
  ChatMessage,
  HelpRequest,
  AgendaItem,
  CardField,
  CardFields,
  ExchangeStatus,
  Fair,
  Profile,
  Registration,
  Role,
  Room,
  RoundPlan,
  RoundPlanBody,
  Table,
  UpdateAgendaItemBody,
  UpdateRoomBody,
  UpdateTableBody,
} from '@kohtaamo/protocol';
import type { z } from 'zod';
import type { DataRightsRepository } from './erasure';
import type { ModerationLogRepository, StageCallRepository } from './moderation';
import type { LiveControl } from '../domain/live-agenda';
import type { LockoutPolicy, LockoutState } from '../domain/sign-in-lockout';
import type {
  agendaItemBodySchema,
  createFairBodySchema,
  roomBodySchema,
  tableBodySchema,
  updateFairBodySchema,
} from '@kohtaamo/protocol';

/** Bodies as the protocol schemas output them (defaults filled in). */
export type NewFair = z.output<typeof createFairBodySchema> & { slug: string };
export type NewRoom = z.output<typeof roomBodySchema>;
export type NewTable = z.output<typeof tableBodySchema>;
export type NewAgendaItem = z.output<typeof agendaItemBodySchema>;
export type FairPatch = z.output<typeof updateFairBodySchema>;

export interface AccountRecord extends Account {
  passwordHash: string;
}

export interface SessionRecord {
  id: string;
  accountId: string;
  expiresAt: Date;
}

export interface AccountRepository {
  /**
   * Throws `UniqueViolationError` when the email is taken. With `session`, the account's first
   * session is stored in the same transaction: a sign-up stores both or neither.
   */
  create(
    input: { email: string; passwordHash: string; displayName: string },
    session?: { id: string; expiresAt: Date },
  ): Promise<Account>;
  findByEmail(email: string): Promise<AccountRecord | null>;
  findById(accountId: string): Promise<Account | null>;
}

export interface SessionRepository {
  create(input: { id: string; accountId: string; expiresAt: Date }): Promise<SessionRecord>;
  /** Returns null for unknown and for expired sessions. */
  findValid(sessionId: string, now: Date): Promise<SessionRecord | null>;
  /** The signed-in account of a valid session, in one query; null otherwise. */
  findAccount(sessionId: string, now: Date): Promise<Account | null>;
  delete(sessionId: string): Promise<void>;
}

/** Failed sign-ins per email key (see `schema.ts`), shared by every node. */
export interface SignInLockoutRepository {
  find(emailKey: string): Promise<LockoutState | null>;
  /** Counts one failure atomically and returns the state after it. */
  recordFailure(emailKey: string, now: Date, policy: LockoutPolicy): Promise<LockoutState>;
  /** After a successful sign-in: earlier failures no longer count. */
  clear(emailKey: string): Promise<void>;
}

/** The person a new fair starts with, and the fair's first invite code. */
export interface NewOrganiser {
  accountId: string;
  profile: Profile;
  inviteCode: string;
}

export interface FairRepository {
  /**
   * Creates the fair, its invite code and the creator's organiser registration in one
   * transaction. Throws `UniqueViolationError` when the slug is taken.
   */
  create(
    fair: NewFair,
    organiser: NewOrganiser,
  ): Promise<{ fair: Fair; registration: Registration }>;
  /**
   * Creates `fair` as `create` does and copies the source fair's rooms, tables, agenda (times
   * moved by `shiftTime`) and round modes into it, all in one transaction. Nothing personal is
   * copied; the copier stays a speaker where they were one (`store/fair-copy.ts`).
   */
  copy(
    sourceFairId: string,
    fair: NewFair,
    organiser: NewOrganiser,
    copy: { shiftTime: (iso: string) => string; copierSourceId: string },
  ): Promise<{ fair: Fair; registration: Registration }>;
  findById(fairId: string): Promise<Fair | null>;
  findBySlug(slug: string): Promise<Fair | null>;
  findByInviteCode(code: string): Promise<Fair | null>;
  /** Null when the fair does not exist. Throws `UniqueViolationError` on a taken slug. */
  update(fairId: string, patch: FairPatch): Promise<Fair | null>;
  listForAccount(accountId: string): Promise<{ fair: Fair; role: Role }[]>;
  inviteCode(fairId: string): Promise<string | null>;
  setInviteCode(fairId: string, code: string): Promise<void>;
  count(): Promise<number>;
}

export interface RoomRepository {
  /** Rooms of the fair in position order, each with its tables and facilitators. */
  listWithTables(fairId: string): Promise<Room[]>;
  findById(fairId: string, roomId: string): Promise<Room | null>;
  create(fairId: string, room: NewRoom): Promise<Room>;
  update(fairId: string, roomId: string, patch: UpdateRoomBody): Promise<Room | null>;
  /** False when no such room in this fair. Deletes its tables too. */
  delete(fairId: string, roomId: string): Promise<boolean>;
}

export interface TableRepository {
  /** Null when the room is not in this fair. */
  create(fairId: string, roomId: string, table: NewTable): Promise<Table | null>;
  update(fairId: string, tableId: string, patch: UpdateTableBody): Promise<Table | null>;
  delete(fairId: string, tableId: string): Promise<boolean>;
}

export interface AgendaRepository {
  /** Items in start order. */
  list(fairId: string): Promise<AgendaItem[]>;
  /** Throws `InvalidReferenceError` when a speaker or the room is not part of the fair. */
  create(fairId: string, item: NewAgendaItem): Promise<AgendaItem>;
  update(fairId: string, itemId: string, patch: UpdateAgendaItemBody): Promise<AgendaItem | null>;
  delete(fairId: string, itemId: string): Promise<boolean>;
}

export interface RegistrationRepository {
  /**
   * Throws `UniqueViolationError` when the account is already registered for the fair and
   * `InvalidReferenceError` when a theme is not a room of the fair.
   */
  /** `consentedAt`: when the person consented to the data use (registration by invite). */
  create(
    fairId: string,
    accountId: string,
    profile: Profile,
    role?: Role,
    consentedAt?: Date | null,
  ): Promise<Registration>;
  findByAccount(fairId: string, accountId: string): Promise<Registration | null>;
  findById(fairId: string, registrationId: string): Promise<Registration | null>;
  /** In sign-up order; with `roles` or `ids`, only people who have one of them. */
  list(
    fairId: string,
    options?: { roles?: readonly Role[]; ids?: readonly string[] },
  ): Promise<Registration[]>;
  updateProfile(
    fairId: string,
    registrationId: string,
    profile: Profile,
  ): Promise<Registration | null>;
  /** Throws `InvalidReferenceError` when a room is not part of the fair. */
  assignRole(
    fairId: string,
    registrationId: string,
    role: Role,
    facilitatorRoomIds: string[],
  ): Promise<Registration | null>;
}

export interface SeatInterval {
  id: string;
  registrationId: string;
  tableId: string;
  joinedAt: Date;
  /** Null while the person is still seated. */
  leftAt: Date | null;
}

export interface SeatIntervalRepository {
  /** Starts an interval; any interval the person still has open ends at `joinedAt`. */
  open(input: {
    fairId: string;
    registrationId: string;
    tableId: string;
    joinedAt: Date;
  }): Promise<void>;
  /**
   * Ends the person's open interval at that table, if any (never before it began). `freedAt` is
   * when the seat was freed: an interval begun after it is a later sitting, which a close retried
   * late must leave open. `leftAt` may be earlier (the moment a connection dropped).
   */
  close(input: {
    fairId: string;
    registrationId: string;
    tableId: string;
    leftAt: Date;
    freedAt: Date;
  }): Promise<void>;
  /** Every interval of the fair in the order they began. */
  list(fairId: string): Promise<SeatInterval[]>;
  /**
   * The intervals that can count towards whom this person met: theirs, and every other that
   * overlaps one of their sittings at the same table once sittings of one person at one table
   * less than `graceMs` apart are joined (the rule of `domain/meetings.ts`). However long the
   * fair's history at those tables, nothing else is loaded. With `tableId`, only at that table.
   */
  listNear(
    fairId: string,
    registrationId: string,
    graceMs: number,
    tableId?: string,
  ): Promise<SeatInterval[]>;
  /** Ends every open interval; answers the fairs they belonged to. */
  closeAllOpen(leftAt: Date): Promise<string[]>;
}

export interface CardRecord {
  registrationId: string;
  card: CardFields;
  shared: CardField[];
  updatedAt: Date;
}

export interface ContactCardRepository {
  find(fairId: string, registrationId: string): Promise<CardRecord | null>;
  findMany(fairId: string, registrationIds: readonly string[]): Promise<CardRecord[]>;
  put(
    fairId: string,
    registrationId: string,
    card: CardFields,
    shared: readonly CardField[],
  ): Promise<CardRecord>;
}

export interface ExchangeRecord {
  id: string;
  fromId: string;
  toId: string;
  message: string;
  status: ExchangeStatus;
  createdAt: Date;
  answeredAt: Date | null;
}

export type AskRefusal =
  'BLOCKED' | 'EXCHANGE_PENDING' | 'EXCHANGE_DECLINED' | 'ALREADY_CONTACTS' | 'RATE_LIMITED';

/** `accepted`: the other had already asked, so asking accepted their request. */
export type AskOutcome =
  | { kind: 'asked'; request: ExchangeRecord }
  | { kind: 'accepted'; request: ExchangeRecord }
  | { kind: 'refused'; code: AskRefusal };

export type CloseOutcome =
  { kind: 'done'; request: ExchangeRecord } | { kind: 'not_found' } | { kind: 'closed' };

export interface ExchangeRepository {
  /**
   * Asks in one transaction with both people locked, so two quick requests cannot both pass
   * the checks. `rateLimit`: at most `requests` asked by this person within `windowMs`.
   */
  ask(input: {
    fairId: string;
    fromId: string;
    toId: string;
    message: string;
    now: Date;
    rateLimit: { requests: number; windowMs: number };
  }): Promise<AskOutcome>;
  /** Only the person asked may answer, only while the request is pending. */
  answer(input: {
    fairId: string;
    exchangeId: string;
    answererId: string;
    accept: boolean;
    now: Date;
  }): Promise<CloseOutcome>;
  /** Only the asker may withdraw, only while the request is pending. */
  withdraw(input: {
    fairId: string;
    exchangeId: string;
    askerId: string;
    now: Date;
  }): Promise<CloseOutcome>;
  /** Every exchange the person is part of, newest first. */
  listFor(fairId: string, personId: string): Promise<ExchangeRecord[]>;
  /** Accepted pairs of the fair. */
  acceptedPairs(fairId: string): Promise<[string, string][]>;
  /** Blocks; the blocked person's pending requests to the blocker are withdrawn and returned. */
  block(fairId: string, blockerId: string, blockedId: string, now: Date): Promise<ExchangeRecord[]>;
  unblock(fairId: string, blockerId: string, blockedId: string): Promise<void>;
  blockedBy(fairId: string, blockerId: string): Promise<string[]>;
}

export interface ContactNoteRepository {
  /** Notes the owner keeps, by contact id. */
  listFor(fairId: string, ownerId: string): Promise<Map<string, string>>;
  /** An empty note deletes it. */
  put(fairId: string, ownerId: string, contactId: string, note: string): Promise<void>;
}

/** How long two people sat together at one table, summed over their sittings there. */
export interface TableMeeting {
  /** `personA` < `personB`. */
  personA: string;
  personB: string;
  tableId: string;
  overlapMs: number;
  firstAt: Date;
}

/** Someone an account met at an earlier fair, and their organisation there. */
export interface EarlierMeeting {
  accountId: string;
  metAccountId: string;
  metOrganisation: string;
}

/** Someone a person met in this fair, as their counts of new actors need them. */
export interface Acquaintance {
  registrationId: string;
  accountId: string;
  organisation: string;
}

export interface MeetingRepository {
  /**
   * Replaces what is stored of this person's time with others at this table by `meetings`
   * (each of which names them). Writes at one table take turns, on every node.
   */
  replaceAtTable(
    fairId: string,
    personId: string,
    tableId: string,
    meetings: readonly TableMeeting[],
  ): Promise<void>;
  /** Replaces every pair of the fair, e.g. after recomputing from all intervals. */
  replaceForFair(fairId: string, meetings: readonly TableMeeting[]): Promise<void>;
  /**
   * Whom this person met in the fair by the stored times: sat together for the fair's threshold
   * in all, or exchanged cards.
   */
  acquaintances(fairId: string, personId: string): Promise<Acquaintance[]>;
  /**
   * Who the accounts registered for this fair met at fairs that started before it: sat together
   * for that fair's threshold, or exchanged cards there.
   */
  earlierMeetings(fairId: string, accountIds?: readonly string[]): Promise<EarlierMeeting[]>;
}

export interface AgendaControlRepository {
  /** Stores a control of the live agenda; `actorId` is the registration that took it. */
  append(fairId: string, control: LiveControl, actorId: string): Promise<void>;
  /** The fair's controls in the order they were taken. */
  list(fairId: string): Promise<LiveControl[]>;
}

/** A chat message as stored: the wire shape plus its room, which moderation rights follow. */
export interface StoredChatMessage extends ChatMessage {
  roomId: string;
}

export interface ChatRepository {
  /** The room of a channel (a table's room for a table); null when it is not in this fair. */
  channelRoom(fairId: string, channel: ChatChannel): Promise<string | null>;
  /** Stores a message; null when the channel is not in this fair. */
  add(input: {
    fairId: string;
    channel: ChatChannel;
    authorId: string;
    text: string;
    sentAt: Date;
  }): Promise<StoredChatMessage | null>;
  /** The latest `limit` messages of the channel, or those before the message `before`. */
  history(
    fairId: string,
    channel: ChatChannel,
    page: { before?: string | undefined; limit: number },
  ): Promise<ChatHistory>;
  find(fairId: string, messageId: string): Promise<StoredChatMessage | null>;
  /** Removes the message for good; false when there was none in this fair. */
  delete(fairId: string, messageId: string): Promise<boolean>;
}

export interface HelpRepository {
  /**
   * Opens a request in the room (the caller has checked it is the person's room in this fair).
   * A person with an open request gets it back moved to this room with the new note.
   */
  raise(input: {
    fairId: string;
    roomId: string;
    personId: string;
    note: string;
    now: Date;
  }): Promise<HelpRequest>;
  findOpenOf(fairId: string, personId: string): Promise<HelpRequest | null>;
  findOpenById(fairId: string, requestId: string): Promise<HelpRequest | null>;
  /** The room's open requests, longest waiting first. */
  listOpen(fairId: string, roomId: string): Promise<HelpRequest[]>;
  /** Closes an open request; false when it was not open (already closed, or not in the fair). */
  close(
    fairId: string,
    requestId: string,
    closing: { outcome: 'resolved' | 'cancelled'; by: string; now: Date },
  ): Promise<boolean>;
}

/** Seating plans of networking rounds, people's opt-outs and the once-only start claims. */
export interface RoundRepository {
  /** The plan of a networking round of the fair (`free`, nobody pre-assigned, when none was
   * stored); null when the item is not a networking round of this fair. */
  plan(fairId: string, itemId: string): Promise<RoundPlan | null>;
  /**
   * Replaces the plan; null when the item is not a networking round of this fair. Throws
   * `InvalidReferenceError` for a person outside the fair or a table outside the round (its
   * room, or the fair for a round without one).
   */
  putPlan(
    fairId: string,
    itemId: string,
    plan: Required<Pick<RoundPlanBody, 'mode' | 'preassignments'>>,
  ): Promise<RoundPlan | null>;
  optedOut(fairId: string, registrationId: string): Promise<boolean>;
  setOptedOut(fairId: string, registrationId: string, optedOut: boolean): Promise<void>;
  /** Everyone of the fair who opted out. */
  optedOutOf(fairId: string): Promise<Set<string>>;
  /** True for the first caller only, on any node: who applies the round's seating. */
  claim(fairId: string, itemId: string, at: Date): Promise<boolean>;
}

/** The durable store: the only place user-created data lives. */
export interface Store {
  accounts: AccountRepository;
  sessions: SessionRepository;
  signInLockouts: SignInLockoutRepository;
  fairs: FairRepository;
  rooms: RoomRepository;
  tables: TableRepository;
  agenda: AgendaRepository;
  registrations: RegistrationRepository;
  seatIntervals: SeatIntervalRepository;
  cards: ContactCardRepository;
  exchanges: ExchangeRepository;
  notes: ContactNoteRepository;
  meetings: MeetingRepository;
  chat: ChatRepository;
  help: HelpRepository;
  moderationLog: ModerationLogRepository;
  stageCalls: StageCallRepository;
  agendaControls: AgendaControlRepository;
  rounds: RoundRepository;
  /** Erasing a fair's personal data, deleting an account, downloading one's own data. */
  dataRights: DataRightsRepository;
  /** Resolves when the database answers; used by /readyz. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
