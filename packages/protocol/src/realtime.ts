import { z } from 'zod';
import { idSchema, personRefSchema } from './common';
import { mediaEvents, MediaServerEvent, type MediaServerEvents } from './media';
import { type ContactServerEvents, contactServerEvent } from './contacts';
import { broadcastEvents } from './broadcast';
import { chatClientEvents, chatLiveEvents } from './chat';
import { helpClientEvents, helpLiveEvents } from './help';
import { moderationClientEvents, moderationLiveEvents } from './moderation';
import { agendaClientEvents, agendaLiveEvents } from './live-agenda';
import { roundLiveEvents } from './rounds';
import { apiErrorSchema } from './errors';
import { type MeetingServerEvents, meetingClientEvents, meetingServerEvent } from './meetings';

/**
 * The realtime protocol. A socket belongs to one fair: the client names it in the handshake
 * (`auth: { fairId }`) and the server checks the session cookie and the registration.
 *
 * Client → server: one event per entry of `clientEvents`, each with a zod schema and an
 * acknowledgement `{ ok: true, data }` or `{ ok: false, error }`.
 * Server → client: the events in `ServerEvents`. Presence arrives as diffs per scope; each diff
 * carries the fair's sequence number and the sequence number of the previous diff sent to the
 * same scope, so a client notices a gap and asks for a snapshot.
 */

/**
 * `protocol` is the client's `PROTOCOL_VERSION`: a page loaded before a deploy that changed the
 * protocol is told to reload instead of failing in odd ways. Not strict: on a reconnection
 * Socket.IO adds its own `pid` and `offset` to the same object.
 */
export const handshakeAuthSchema = z.object({ fairId: idSchema, protocol: z.number().int() });

/** Why the server refused a connection; sent as `err.data` of `connect_error`. */
export const CONNECT_REFUSALS = [
  'UNAUTHENTICATED',
  'NOT_REGISTERED',
  'INVALID',
  'OUTDATED',
  /** The fair is a draft and the person is a participant (`admitsToLive`). */
  'FAIR_NOT_OPEN',
  /** The fair is closed; only its organisers enter the live fair. */
  'FAIR_CLOSED',
] as const;
export type ConnectRefusal = (typeof CONNECT_REFUSALS)[number];
export const connectRefusalSchema = z.object({ code: z.enum(CONNECT_REFUSALS) });

/** Where a person is. Everyone in a fair is in exactly one place, across all tabs and nodes. */
export const locationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('lobby') }).strict(),
  z.object({ kind: z.literal('stage') }).strict(),
  z.object({ kind: z.literal('room'), roomId: idSchema }).strict(),
  z.object({ kind: z.literal('table'), roomId: idSchema, tableId: idSchema }).strict(),
]);
export type Location = z.infer<typeof locationSchema>;

/** Where a person asks to go; the server works out the room of a table itself. */
export const destinationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('lobby') }).strict(),
  z.object({ kind: z.literal('stage') }).strict(),
  z.object({ kind: z.literal('room'), roomId: idSchema }).strict(),
  z.object({ kind: z.literal('table'), tableId: idSchema }).strict(),
]);
export type Destination = z.infer<typeof destinationSchema>;

/** How many people are in a room (standing or seated) and the first few of them. */
export const ROOM_SAMPLE_SIZE = 5;
export const roomOccupancySchema = z.object({
  roomId: idSchema,
  count: z.number().int().min(0),
  sample: z.array(personRefSchema).max(ROOM_SAMPLE_SIZE),
});
export type RoomOccupancy = z.infer<typeof roomOccupancySchema>;

export const tableStateSchema = z.object({
  tableId: idSchema,
  capacity: z.number().int(),
  locked: z.boolean(),
  closed: z.boolean(),
});
export type TableState = z.infer<typeof tableStateSchema>;

/** Someone in a room: standing in it (`tableId: null`) or seated at one of its tables. */
export const roomMemberSchema = z.object({
  person: personRefSchema,
  tableId: idSchema.nullable(),
});
export type RoomMember = z.infer<typeof roomMemberSchema>;

/** The lobby scope: every room's occupancy and the stage audience. */
export const lobbyStateSchema = z.object({
  rooms: z.array(roomOccupancySchema),
  stageCount: z.number().int().min(0),
});
export type LobbyState = z.infer<typeof lobbyStateSchema>;

/** A room scope: who is in the room, at which table, and the tables' rules. */
export const roomStateSchema = z.object({
  roomId: idSchema,
  members: z.array(roomMemberSchema),
  tables: z.array(tableStateSchema),
});
export type RoomState = z.infer<typeof roomStateSchema>;

/** What a client follows: the lobby, or one room (`room:<roomId>`). */
export const scopeSchema = z.union([z.literal('lobby'), z.templateLiteral(['room:', idSchema])]);
export type Scope = z.infer<typeof scopeSchema>;
export const LOBBY_SCOPE = 'lobby' satisfies Scope;
export function roomScope(roomId: string): Scope {
  return `room:${roomId}`;
}

/** Absolute values, so applying a diff twice changes nothing. */
export const lobbyChangeSchema = z.object({
  kind: z.literal('occupancy'),
  rooms: z.array(roomOccupancySchema),
  stageCount: z.number().int().min(0),
});
export type LobbyChange = z.infer<typeof lobbyChangeSchema>;

export const roomChangeSchema = z.discriminatedUnion('kind', [
  /** `present: false`: the person left the room; `tableId: null`: standing in it. */
  z.object({
    kind: z.literal('member'),
    person: personRefSchema,
    present: z.boolean(),
    tableId: idSchema.nullable(),
  }),
  z.object({ kind: z.literal('table'), table: tableStateSchema }),
]);
export type RoomChange = z.infer<typeof roomChangeSchema>;

export const presenceDiffSchema = z.discriminatedUnion('scopeKind', [
  z.object({
    scopeKind: z.literal('lobby'),
    scope: z.literal('lobby'),
    seq: z.number().int(),
    prevSeq: z.number().int(),
    change: lobbyChangeSchema,
  }),
  z.object({
    scopeKind: z.literal('room'),
    scope: z.templateLiteral(['room:', idSchema]),
    seq: z.number().int(),
    prevSeq: z.number().int(),
    change: roomChangeSchema,
  }),
]);
export type PresenceDiff = z.infer<typeof presenceDiffSchema>;

export const lobbySnapshotSchema = z.object({
  scopeKind: z.literal('lobby'),
  scope: z.literal('lobby'),
  seq: z.number().int(),
  state: lobbyStateSchema,
});
export const roomSnapshotSchema = z.object({
  scopeKind: z.literal('room'),
  scope: z.templateLiteral(['room:', idSchema]),
  seq: z.number().int(),
  state: roomStateSchema,
});
export const presenceSnapshotSchema = z.discriminatedUnion('scopeKind', [
  lobbySnapshotSchema,
  roomSnapshotSchema,
]);
export type PresenceSnapshot = z.infer<typeof presenceSnapshotSchema>;

/** The person's own place and the scope they now follow. */
export const selfSchema = z.object({ location: locationSchema, scope: scopeSchema.nullable() });
export type Self = z.infer<typeof selfSchema>;

/** Every client → server event: its payload schema and the data its acknowledgement carries. */
export const clientEvents = {
  /** Go somewhere: sitting, leaving a table (go to its room) and moving are all one event. */
  'presence.go': {
    payload: z.object({ to: destinationSchema }).strict(),
    result: selfSchema,
  },
  /** The current state of a scope, with the sequence number to continue from. */
  'presence.snapshot': {
    payload: z.object({ scope: scopeSchema }).strict(),
    result: presenceSnapshotSchema,
  },
  /** Where am I; answered after the server has placed a new connection. */
  'presence.self': {
    payload: z.object({}).strict(),
    result: selfSchema,
  },
  ...mediaEvents,
  ...meetingClientEvents,
  ...chatClientEvents,
  ...helpClientEvents,
  ...moderationClientEvents,
  ...agendaClientEvents,
} as const;
export type ClientEventName = keyof typeof clientEvents;
export type ClientPayload<E extends ClientEventName> = z.input<(typeof clientEvents)[E]['payload']>;
export type ClientResult<E extends ClientEventName> = z.infer<(typeof clientEvents)[E]['result']>;

export const ackErrorSchema = z.object({ ok: z.literal(false), error: apiErrorSchema });
export type Ack<T> = { ok: true; data: T } | z.infer<typeof ackErrorSchema>;

/** Events the server sends. */
export const ServerEvent = {
  diff: 'presence.diff',
  /** Your own place changed without you asking (another tab, a facilitator, a lost seat). */
  self: 'presence.self',
  /** Another tab or device of yours opened this fair; this connection is closed. */
  replaced: 'session.replaced',
  ...MediaServerEvent,
  ...contactServerEvent,
  ...meetingServerEvent,
} as const;

/**
 * Server events of the live fair's features (agenda, moderation, chat, rounds…): one schema per
 * event, so the server's emits are typed and the client checks each payload before any feature
 * hears of it. Each feature's protocol file exports its own map and it is spread in here.
 */
export const liveEventSchemas = {
  ...broadcastEvents,
  ...chatLiveEvents,
  ...helpLiveEvents,
  ...moderationLiveEvents,
  ...agendaLiveEvents,
  ...roundLiveEvents,
} as const satisfies Record<string, z.ZodType>;
export type LiveEventName = keyof typeof liveEventSchemas;
export type LiveEventPayload<E extends LiveEventName> = z.infer<(typeof liveEventSchemas)[E]>;
/** One live event as the client hands it on: its name and its checked payload. */
export type LiveEvent = {
  [E in LiveEventName]: { name: E; payload: LiveEventPayload<E> };
}[LiveEventName];
type LiveServerEvents = { [E in LiveEventName]: (payload: LiveEventPayload<E>) => void };

export function isLiveEventName(name: string): name is LiveEventName {
  return Object.hasOwn(liveEventSchemas, name);
}

export interface ServerEvents
  extends MediaServerEvents, ContactServerEvents, MeetingServerEvents, LiveServerEvents {
  'presence.diff': (diff: PresenceDiff) => void;
  'presence.self': (self: Self) => void;
  'session.replaced': () => void;
}

/**
 * Payloads bigger than this (as JSON) are refused with INVALID before they are parsed, unless
 * the event names its own `maxPayloadBytes`.
 */
export const MAX_EVENT_PAYLOAD_BYTES = 4096;
