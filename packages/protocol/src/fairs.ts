import { z } from 'zod';
import {
  idSchema,
  isoDateTimeSchema,
  languageSchema,
  longLocalizedTextSchema,
  localizedTextSchema,
  slugSchema,
  timeZoneSchema,
} from './common';

export const FAIR_STATUSES = ['draft', 'open', 'live', 'closed'] as const;
export const fairStatusSchema = z.enum(FAIR_STATUSES);
export type FairStatus = z.infer<typeof fairStatusSchema>;

export const DEFAULT_MEETING_THRESHOLD_SECONDS = 120;
export const MIN_TABLE_CAPACITY = 2;
export const MAX_TABLE_CAPACITY = 12;
export const DEFAULT_TABLE_CAPACITY = 6;

const fairFields = {
  slug: slugSchema,
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(5000),
  timeZone: timeZoneSchema,
  startsAt: isoDateTimeSchema,
  endsAt: isoDateTimeSchema,
  languages: z.array(languageSchema).min(1).max(3),
  status: fairStatusSchema,
  meetingThresholdSeconds: z.number().int().min(10).max(3600),
};

function endsAfterStart(value: { startsAt?: string; endsAt?: string }): boolean {
  if (!value.startsAt || !value.endsAt) return true;
  return Date.parse(value.endsAt) > Date.parse(value.startsAt);
}
const endsAfterStartIssue = { message: 'The end must be after the start', path: ['endsAt'] };

export const createFairBodySchema = z
  .object({
    ...fairFields,
    slug: fairFields.slug.optional(),
    description: fairFields.description.default(''),
    languages: fairFields.languages.default(['fi', 'en', 'sv']),
    status: fairFields.status.default('draft'),
    meetingThresholdSeconds: fairFields.meetingThresholdSeconds.default(
      DEFAULT_MEETING_THRESHOLD_SECONDS,
    ),
  })
  .strict()
  .refine(endsAfterStart, endsAfterStartIssue);
export type CreateFairBody = z.input<typeof createFairBodySchema>;

/** Partial update; when only one of the times changes the server checks the pair it stores. */
export const updateFairBodySchema = z
  .object(fairFields)
  .partial()
  .strict()
  .refine(endsAfterStart, endsAfterStartIssue);
export type UpdateFairBody = z.input<typeof updateFairBodySchema>;

/** A calendar day, `YYYY-MM-DD`, read in the fair's own time zone. */
export const calendarDateSchema = z.iso.date();

/**
 * Copying a fair: its details, themes, tables and agenda, nothing personal. The copy starts on
 * `startDate` (in the fair's time zone) at the same wall-clock times as the source, as a draft.
 */
export const copyFairBodySchema = z
  .object({ title: fairFields.title, startDate: calendarDateSchema })
  .strict();
export type CopyFairBody = z.input<typeof copyFairBodySchema>;

export const fairSchema = z.object({
  id: idSchema,
  ...fairFields,
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
});
export type Fair = z.infer<typeof fairSchema>;

export const roomBodySchema = z
  .object({
    names: localizedTextSchema,
    description: longLocalizedTextSchema.default({}),
    position: z.number().int().min(0).max(1000).optional(),
  })
  .strict();
export type RoomBody = z.input<typeof roomBodySchema>;
export const updateRoomBodySchema = z
  .object({
    names: localizedTextSchema,
    description: longLocalizedTextSchema,
    position: z.number().int().min(0).max(1000),
  })
  .partial()
  .strict();
export type UpdateRoomBody = z.input<typeof updateRoomBodySchema>;

export const tableSchema = z.object({
  id: idSchema,
  roomId: idSchema,
  name: z.string(),
  capacity: z.number().int(),
  locked: z.boolean(),
  closed: z.boolean(),
  position: z.number().int(),
});
export type Table = z.infer<typeof tableSchema>;

const tableCapacitySchema = z.number().int().min(MIN_TABLE_CAPACITY).max(MAX_TABLE_CAPACITY);
export const tableBodySchema = z
  .object({
    name: z.string().trim().min(1).max(80),
    capacity: tableCapacitySchema.default(DEFAULT_TABLE_CAPACITY),
    position: z.number().int().min(0).max(1000).optional(),
  })
  .strict();
export type TableBody = z.input<typeof tableBodySchema>;
export const updateTableBodySchema = z
  .object({
    name: z.string().trim().min(1).max(80),
    capacity: tableCapacitySchema,
    position: z.number().int().min(0).max(1000),
    locked: z.boolean(),
    closed: z.boolean(),
  })
  .partial()
  .strict();
export type UpdateTableBody = z.input<typeof updateTableBodySchema>;

export const roomSchema = z.object({
  id: idSchema,
  fairId: idSchema,
  names: z.object({
    fi: z.string().optional(),
    en: z.string().optional(),
    sv: z.string().optional(),
  }),
  description: z.object({
    fi: z.string().optional(),
    en: z.string().optional(),
    sv: z.string().optional(),
  }),
  position: z.number().int(),
  /** Registration ids of the people who facilitate this room. */
  facilitatorIds: z.array(idSchema),
  tables: z.array(tableSchema),
});
export type Room = z.infer<typeof roomSchema>;
