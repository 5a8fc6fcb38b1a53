import { z } from 'zod';
import { idSchema, isoDateTimeSchema } from './common';
import { contactPersonSchema } from './contacts';

/**
 * Who met whom. Two people have met in a fair when their seat intervals at the same table
 * overlap for at least the fair's `meetingThresholdSeconds` (summed over the whole fair; a
 * reconnect gap shorter than the server's recovery window does not split a sitting), or when
 * they exchanged cards. A person met is *new* unless the two met at an earlier fair on the same
 * platform (same accounts); an organisation is new when it is not the person's own and nobody
 * from it was met at an earlier fair.
 *
 * The server updates meetings each time a seat is freed and then sends `meetings.changed` to the
 * people whose list changed; the client refetches `GET apiRoutes.peopleIMet`.
 */

/** Where the exchange of cards with this person stands, seen from me. */
export const MET_EXCHANGE_STATES = [
  'none',
  'asked_by_me',
  'asked_me',
  'contacts',
  'declined',
  'blocked',
] as const;
export const metExchangeStateSchema = z.enum(MET_EXCHANGE_STATES);
export type MetExchangeState = z.infer<typeof metExchangeStateSchema>;

export const metPersonSchema = z.object({
  person: contactPersonSchema,
  /** The table (and its room, the theme) where we first sat together; null if only exchanged. */
  tableId: idSchema.nullable(),
  tableName: z.string().nullable(),
  roomId: idSchema.nullable(),
  themeNames: z.object({
    fi: z.string().optional(),
    en: z.string().optional(),
    sv: z.string().optional(),
  }),
  /** Seconds seated together over the whole fair. */
  metSeconds: z.number().int().min(0),
  firstMetAt: isoDateTimeSchema,
  /** False when we had already met at an earlier fair. */
  isNew: z.boolean(),
  exchange: metExchangeStateSchema,
});
export type MetPerson = z.infer<typeof metPersonSchema>;

/** "N new people from M organisations" and the people behind the numbers, latest first. */
export const peopleIMetResponseSchema = z.object({
  newPeople: z.number().int().min(0),
  newOrganisations: z.number().int().min(0),
  people: z.array(metPersonSchema),
});
export type PeopleIMetResponse = z.infer<typeof peopleIMetResponseSchema>;

/**
 * A table worth joining: it has a free seat and someone sits there from an organisation I have
 * not met, ideally in a theme I chose. Best first.
 */
export const tableSuggestionSchema = z.object({
  tableId: idSchema,
  tableName: z.string(),
  roomId: idSchema,
  roomNames: z.object({
    fi: z.string().optional(),
    en: z.string().optional(),
    sv: z.string().optional(),
  }),
  freeSeats: z.number().int().min(1),
  /** The room is one of the themes in my profile. */
  sharesMyTheme: z.boolean(),
  /** Organisations at the table that I have not met yet (by name, as people wrote them). */
  newOrganisations: z.array(z.string()),
  seated: z.array(contactPersonSchema),
});
export type TableSuggestion = z.infer<typeof tableSuggestionSchema>;

export const MAX_TABLE_SUGGESTIONS = 5;
export const suggestionsResponseSchema = z.object({
  suggestions: z.array(tableSuggestionSchema).max(MAX_TABLE_SUGGESTIONS),
});
export type SuggestionsResponse = z.infer<typeof suggestionsResponseSchema>;

/** Client → server events about meetings; spread into `clientEvents`. */
export const meetingClientEvents = {
  /** Tables to go to next, from live presence; ask again after `presence.diff`s as you like. */
  'meetings.suggestions': {
    payload: z.object({}).strict(),
    result: suggestionsResponseSchema,
  },
} as const;

export const meetingsChangedSchema = z.object({
  newPeople: z.number().int().min(0),
  newOrganisations: z.number().int().min(0),
});
export type MeetingsChanged = z.infer<typeof meetingsChangedSchema>;

/** Server → client events about meetings, sent to the person's own sockets only; spread into `ServerEvent`. */
export const meetingServerEvent = {
  /** My "people I met" list changed; the counts are the new ones, refetch for the list. */
  meetingsChanged: 'meetings.changed',
} as const;

export interface MeetingServerEvents {
  'meetings.changed': (change: MeetingsChanged) => void;
}
