import { z } from 'zod';
import { broadcastAudienceSchema, broadcastSchema, BROADCAST_MAX_CHARS } from './broadcast';
import { idSchema, isoDateTimeSchema, personRefSchema } from './common';

/**
 * Moderation: what organisers (everywhere) and facilitators (in the rooms they are assigned to)
 * do to the people and tables of a live fair, and the organiser's "everyone to the stage".
 *
 * - A person is named by their registration id (`person`, the `id` of their `PersonRef`). The
 *   server finds where presence shows them now; an action on a person who is not in the fair
 *   (or not at the place the action names) is refused with `NOT_PRESENT`.
 * - Permission is checked against the room presence shows the person in (for a move also the
 *   destination table's room); refusals are `FORBIDDEN` and change nothing.
 * - Every action is stored in the fair's moderation log before it is acknowledged; the
 *   acknowledgement carries the new log entry, the organisers hear it as `moderation.logged`
 *   and the person affected gets `moderation.notice` (a move also sends them `presence.self`).
 * - Stage call: `stage.call` remembers everyone's place, holds their seats (nobody else may
 *   take them) and moves everyone in the fair to the stage; `stage.return` sends everyone still
 *   on the stage back to their own place. Everyone hears `stage.state`.
 */

/** A reason shown to the person affected and kept in the log; short enough to read at once. */
export const MODERATION_REASON_MAX_CHARS = 300;
const reasonSchema = z.string().trim().min(1).max(MODERATION_REASON_MAX_CHARS).optional();

export const MODERATION_TABLE_CHANGES = ['lock', 'unlock', 'close', 'open'] as const;
export const moderationTableChangeSchema = z.enum(MODERATION_TABLE_CHANGES);
export type ModerationTableChange = z.infer<typeof moderationTableChangeSchema>;

/** Tracks a moderator may mute; a screen share is stopped by removing the person. */
export const moderationTrackSchema = z.enum(['microphone', 'camera']);
export type ModerationTrack = z.infer<typeof moderationTrackSchema>;

/** Where someone is removed from: a table (to its room) or a room (to the lobby). */
export const removeFromSchema = z.enum(['table', 'room']);
export type RemoveFrom = z.infer<typeof removeFromSchema>;

/** What was done, as the log and the notices tell it. */
export const moderationActionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('mute'), track: moderationTrackSchema }),
  z.object({ kind: z.literal('remove'), from: removeFromSchema }),
  z.object({ kind: z.literal('move'), roomId: idSchema, tableId: idSchema }),
  z.object({ kind: z.literal('table'), change: moderationTableChangeSchema }),
  z.object({ kind: z.literal('broadcast'), audience: broadcastAudienceSchema, text: z.string() }),
  /** `people`: how many were moved to the stage or back. */
  z.object({ kind: z.literal('stage.call'), people: z.number().int().min(0) }),
  z.object({ kind: z.literal('stage.return'), people: z.number().int().min(0) }),
]);
export type ModerationAction = z.infer<typeof moderationActionSchema>;
export type ModerationActionKind = ModerationAction['kind'];
export const MODERATION_ACTION_KINDS = [
  'mute',
  'remove',
  'move',
  'table',
  'broadcast',
  'stage.call',
  'stage.return',
] as const satisfies readonly ModerationActionKind[];

/** One line of the moderation log: who did what, to whom, where, when and why. */
export const moderationLogEntrySchema = z.object({
  id: idSchema,
  at: isoDateTimeSchema,
  actor: personRefSchema,
  action: moderationActionSchema,
  /** The person acted on; null for actions on a table, a room or the fair. */
  target: personRefSchema.nullable(),
  /** Where it took effect: the person's place, the table, the room; both null: the fair. */
  roomId: idSchema.nullable(),
  tableId: idSchema.nullable(),
  reason: z.string().nullable(),
});
export type ModerationLogEntry = z.infer<typeof moderationLogEntrySchema>;

/** Sent to the person a moderator acted on, so they know what happened and why. */
export const moderationNoticeSchema = z.object({
  action: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('mute'), track: moderationTrackSchema }),
    z.object({ kind: z.literal('remove'), from: removeFromSchema }),
    z.object({ kind: z.literal('move'), roomId: idSchema, tableId: idSchema }),
  ]),
  by: personRefSchema,
  reason: z.string().nullable(),
  at: isoDateTimeSchema,
});
export type ModerationNotice = z.infer<typeof moderationNoticeSchema>;

/** Whether the organiser has called everyone to the stage, and since when. */
export const stageStateSchema = z.object({
  called: z.boolean(),
  since: isoDateTimeSchema.nullable(),
});
export type StageState = z.infer<typeof stageStateSchema>;

/** The answer to a stage call or return: the log entry and the state now. */
export const stageResultSchema = z.object({
  entry: moderationLogEntrySchema,
  state: stageStateSchema,
});
export type StageResult = z.infer<typeof stageResultSchema>;

/** Client → server moderation events; spread into `clientEvents`. */
export const moderationClientEvents = {
  /** Ask the person to stop sending a track (they may unmute themselves later). */
  'moderation.mute': {
    payload: z
      .object({ person: idSchema, track: moderationTrackSchema, reason: reasonSchema })
      .strict(),
    result: moderationLogEntrySchema,
  },
  /** From a table: to its room. From a room (standing or seated): to the lobby. */
  'moderation.remove': {
    payload: z.object({ person: idSchema, from: removeFromSchema, reason: reasonSchema }).strict(),
    result: moderationLogEntrySchema,
  },
  /** Seat the person at a table; refused like a sit (`TABLE_FULL`, `TABLE_LOCKED`, …). */
  'moderation.move': {
    payload: z.object({ person: idSchema, tableId: idSchema, reason: reasonSchema }).strict(),
    result: moderationLogEntrySchema,
  },
  /** Lock (nobody new sits down), unlock, close (nobody sits, the seated stay) or open. */
  'moderation.table': {
    payload: z
      .object({ tableId: idSchema, change: moderationTableChangeSchema, reason: reasonSchema })
      .strict(),
    result: moderationLogEntrySchema,
  },
  /** Sends `live.broadcast` to the fair (organisers) or one room (its facilitators too). */
  'moderation.broadcast': {
    payload: z
      .object({
        audience: broadcastAudienceSchema,
        text: z.string().trim().min(1).max(BROADCAST_MAX_CHARS),
      })
      .strict(),
    result: broadcastSchema,
  },
  /** Organisers: everyone to the stage; their places are remembered and their seats held. */
  'stage.call': {
    payload: z.object({ reason: reasonSchema }).strict(),
    result: stageResultSchema,
  },
  /** Organisers: everyone still on the stage back to their own place. */
  'stage.return': {
    payload: z.object({}).strict(),
    result: stageResultSchema,
  },
  /** Anyone: whether everyone has been called to the stage (for a page opened mid-call). */
  'stage.status': {
    payload: z.object({}).strict(),
    result: stageStateSchema,
  },
} as const;

/** Live server events of moderation; spread into `liveEventSchemas`. */
export const moderationLiveEvents = {
  /** To the person acted on. */
  'moderation.notice': moderationNoticeSchema,
  /** To the fair's organisers: a new log entry. */
  'moderation.logged': moderationLogEntrySchema,
  /** To everyone in the fair when the stage is called or everyone is sent back. */
  'stage.state': stageStateSchema,
} as const;

/**
 * The log as the organiser reads it: the newest entries first, at most this many. A fair's
 * moderation fits well within it; the dashboard adds newer entries from `moderation.logged`.
 */
export const MODERATION_LOG_LIMIT = 500;

export const moderationLogResponseSchema = z.object({
  entries: z.array(moderationLogEntrySchema).max(MODERATION_LOG_LIMIT),
});
export type ModerationLogResponse = z.infer<typeof moderationLogResponseSchema>;
