import { z } from 'zod';
import { idSchema, isoDateTimeSchema, personRefSchema } from './common';

/**
 * "Raise a hand": a person in a room asks its facilitators for help. The request belongs to the
 * room the person is in when raising it; one open request per person. The room's facilitators
 * and the organisers see the queue (`help.queue`) and resolve requests; the person may cancel.
 * Every change reaches the room's facilitators, the organisers and the person (`help.changed`).
 */

/** A short note on what the person needs; the hand alone is enough. */
export const HELP_NOTE_MAX_CHARS = 280;

export const helpRequestSchema = z.object({
  id: idSchema,
  roomId: idSchema,
  person: personRefSchema,
  note: z.string().max(HELP_NOTE_MAX_CHARS),
  raisedAt: isoDateTimeSchema,
});
export type HelpRequest = z.infer<typeof helpRequestSchema>;

export const HELP_STATES = ['open', 'resolved', 'cancelled'] as const;
export const helpStateSchema = z.enum(HELP_STATES);
export type HelpState = z.infer<typeof helpStateSchema>;

export const helpChangedSchema = z.object({
  request: helpRequestSchema,
  state: helpStateSchema,
  /** Who resolved it; null when the person raised or cancelled it. */
  by: personRefSchema.nullable(),
});
export type HelpChanged = z.infer<typeof helpChangedSchema>;

export const helpQueueSchema = z.object({
  /** Oldest first: the person who has waited longest is helped first. */
  requests: z.array(helpRequestSchema),
});
export type HelpQueue = z.infer<typeof helpQueueSchema>;

/** Client → server help events; spread into `clientEvents`. */
export const helpClientEvents = {
  /** Raise a hand in the room one is in; raising again keeps the open request (new note). */
  'help.raise': {
    payload: z.object({ note: z.string().trim().max(HELP_NOTE_MAX_CHARS).optional() }).strict(),
    result: helpRequestSchema,
  },
  /** Lower one's own hand. */
  'help.cancel': {
    payload: z.object({}).strict(),
    result: z.object({}),
  },
  /** One's own open request, if any (after a reload). */
  'help.mine': {
    payload: z.object({}).strict(),
    result: z.object({ request: helpRequestSchema.nullable() }),
  },
  /** A facilitator of the request's room or an organiser marks it helped. */
  'help.resolve': {
    payload: z.object({ requestId: idSchema }).strict(),
    result: z.object({}),
  },
  /** The open requests of a room, for its facilitators and the organisers. */
  'help.queue': {
    payload: z.object({ roomId: idSchema }).strict(),
    result: helpQueueSchema,
  },
} as const;

/** Server → client help events. */
export const helpLiveEvents = {
  'help.changed': helpChangedSchema,
} as const;
