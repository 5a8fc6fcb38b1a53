import { z } from 'zod';
import { agendaKindSchema, agendaPlaceSchema } from './agenda';
import { idSchema, isoDateTimeSchema } from './common';

/**
 * The agenda on the clock. The server derives what is on now and next from the agenda and an
 * ordered log of organisers' controls (start, pause, extend, end…); cue times are derived, never
 * stored. Clients get the whole live state (`agenda.state`) with absolute times and the server's
 * clock (`serverNow`), so every table counts down locally and corrects for its own clock's skew,
 * and one event per announcement (`agenda.cue`).
 */

/** The longest an organiser or facilitator may extend an item or run a room round by, at once. */
export const MAX_AGENDA_CONTROL_MINUTES = 120;
const minutesSchema = z.number().int().min(1).max(MAX_AGENDA_CONTROL_MINUTES);

/** What an organiser may do to the fair's running agenda (the fair-wide action 'agenda.control'). */
export const agendaControlSchema = z.discriminatedUnion('kind', [
  /** The first item starts now (earlier or later than planned); the rest shift with it. */
  z.object({ kind: z.literal('fair.start') }).strict(),
  /** The fair's clock stops: time left is frozen, and on resume later items shift by the pause. */
  z.object({ kind: z.literal('fair.pause') }).strict(),
  z.object({ kind: z.literal('fair.resume') }).strict(),
  /** Everything is over, now. */
  z.object({ kind: z.literal('fair.end') }).strict(),
  /** This item starts now; items before it that are still on end, later ones shift. */
  z.object({ kind: z.literal('item.start'), itemId: idSchema }).strict(),
  /** The item ends `minutes` later; later items shift as much. */
  z.object({ kind: z.literal('item.extend'), itemId: idSchema, minutes: minutesSchema }).strict(),
  /** The running item ends now; later items shift earlier so the gaps between them stay. */
  z.object({ kind: z.literal('item.end'), itemId: idSchema }).strict(),
]);
export type AgendaControl = z.infer<typeof agendaControlSchema>;
export type AgendaControlKind = AgendaControl['kind'];

/** A timed round in one room, run by its facilitator or an organiser (room action 'room.round'). */
export const roomRoundControlSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('start'), roomId: idSchema, minutes: minutesSchema }).strict(),
  z.object({ action: z.literal('end'), roomId: idSchema }).strict(),
]);
export type RoomRoundControl = z.infer<typeof roomRoundControlSchema>;

const titleSchema = z.object({
  fi: z.string().optional(),
  en: z.string().optional(),
  sv: z.string().optional(),
});

/** An agenda item at the times it really runs, after every shift. */
export const liveAgendaItemSchema = z.object({
  id: idSchema,
  kind: agendaKindSchema,
  title: titleSchema,
  place: agendaPlaceSchema,
  startsAt: isoDateTimeSchema,
  endsAt: isoDateTimeSchema,
  /** Passed over: the fair ended, or a later item was started, before this one began. */
  skipped: z.boolean(),
});
export type LiveAgendaItem = z.infer<typeof liveAgendaItemSchema>;

export const roomRoundSchema = z.object({
  roomId: idSchema,
  startedAt: isoDateTimeSchema,
  endsAt: isoDateTimeSchema,
});
export type RoomRound = z.infer<typeof roomRoundSchema>;

export const LIVE_AGENDA_PHASES = ['before', 'running', 'paused', 'ended'] as const;

export const liveAgendaStateSchema = z.object({
  /** The server's clock when it sent this; `clientNow + (serverNow - receivedAt)` is the fair's now. */
  serverNow: isoDateTimeSchema,
  phase: z.enum(LIVE_AGENDA_PHASES),
  /** While paused: when. Time left is measured to here, not to now. */
  pausedAt: isoDateTimeSchema.nullable(),
  endedAt: isoDateTimeSchema.nullable(),
  currentId: idSchema.nullable(),
  nextId: idSchema.nullable(),
  items: z.array(liveAgendaItemSchema),
  /** Room rounds running now; each is shown only in its room. */
  roomRounds: z.array(roomRoundSchema),
});
export type LiveAgendaState = z.infer<typeof liveAgendaStateSchema>;

/** How long before a speech everyone is told to come to the stage. */
export const SPEECH_LEAD_MS = 2 * 60_000;
/** A round warns this long before it ends. */
export const ROUND_WARNING_MS = 60_000;

export const AGENDA_CUE_KINDS = [
  'speech.soon',
  'speech.started',
  'round.started',
  'round.oneMinute',
  'round.ended',
  'fair.ended',
] as const;
export type AgendaCueKind = (typeof AGENDA_CUE_KINDS)[number];

/**
 * One announcement. Agenda cues go to the whole fair; a room round's cues (with `roomId`) only to
 * that room. `id` is the same on every node, so a client can drop one it has heard already.
 */
export const agendaCueSchema = z.object({
  id: z.string().max(200),
  kind: z.enum(AGENDA_CUE_KINDS),
  at: isoDateTimeSchema,
  /** The agenda item the cue is about; absent for a room round and for the fair's end. */
  item: liveAgendaItemSchema.optional(),
  /** The room whose own round this is. */
  roomId: idSchema.optional(),
  /** When the round or item it is about ends. */
  endsAt: isoDateTimeSchema.optional(),
});
export type AgendaCue = z.infer<typeof agendaCueSchema>;

export const agendaClientEvents = {
  /** The live agenda now; asked on every (re)connection. */
  'agenda.live': { payload: z.object({}).strict(), result: liveAgendaStateSchema },
  /** Organisers only; answered with the new state once the control is stored. */
  'agenda.control': {
    payload: z.object({ control: agendaControlSchema }).strict(),
    result: liveAgendaStateSchema,
  },
  /** The room's facilitators and organisers; answered once stored. */
  'agenda.roomRound': {
    payload: z.object({ round: roomRoundControlSchema }).strict(),
    result: liveAgendaStateSchema,
  },
} as const;

export const agendaLiveEvents = {
  /** The whole live agenda, after every change (sent to the fair). */
  'agenda.state': liveAgendaStateSchema,
  /** An announcement at its time (to the fair, or to one room for a room round). */
  'agenda.cue': agendaCueSchema,
} as const;
