import { z } from 'zod';
import { idSchema, isoDateTimeSchema, personRefSchema } from './common';

/** Longest broadcast text: a few sentences, readable on a phone before the next thing happens. */
export const BROADCAST_MAX_CHARS = 500;

/** Who hears a broadcast: everyone in one room (and at its tables), or the whole fair. */
export const broadcastAudienceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('fair') }).strict(),
  z.object({ kind: z.literal('room'), roomId: idSchema }).strict(),
]);
export type BroadcastAudience = z.infer<typeof broadcastAudienceSchema>;

/** A message from the people running the fair, shown to everyone in the audience at once. */
export const broadcastSchema = z.object({
  id: idSchema,
  from: personRefSchema,
  audience: broadcastAudienceSchema,
  text: z.string().min(1).max(BROADCAST_MAX_CHARS),
  sentAt: isoDateTimeSchema,
});
export type Broadcast = z.infer<typeof broadcastSchema>;

export const broadcastEvents = {
  /** An organiser or a room's facilitator broadcast a message. */
  'live.broadcast': broadcastSchema,
} as const;
