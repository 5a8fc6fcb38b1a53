import { z } from 'zod';
import { idSchema, isoDateTimeSchema } from './common';
import { organisationTypeSchema } from './registrations';

/**
 * The organiser's "new actors met" report of a fair (`GET apiRoutes.report`, CSV at
 * `apiRoutes.reportCsv`). Organisers only. It holds counts and nothing else: no names, no cards,
 * no notes. Computed from the seat intervals and exchanges when asked, so it is always current.
 */

const localizedNamesSchema = z.object({
  fi: z.string().optional(),
  en: z.string().optional(),
  sv: z.string().optional(),
});

/** Average and median over the participants (people with the participant role). */
export const distributionSchema = z.object({
  average: z.number().min(0),
  median: z.number().min(0),
  /** People per count: `from`–`to` inclusive, consecutive, starting at 0. */
  histogram: z.array(
    z.object({
      from: z.number().int().min(0),
      to: z.number().int().min(0),
      people: z.number().int().min(0),
    }),
  ),
});
export type Distribution = z.infer<typeof distributionSchema>;

export const themeReportSchema = z.object({
  roomId: idSchema,
  names: localizedNamesSchema,
  /** Pairs whose first meeting happened at a table of this room. */
  meetings: z.number().int().min(0),
  /** Person-minutes spent seated at the room's tables. */
  minutes: z.number().min(0),
});
export type ThemeReport = z.infer<typeof themeReportSchema>;

/** Seated people per room over time: the time-weighted average within each bucket. */
export const occupancySchema = z.object({
  bucketSeconds: z.number().int().min(1),
  rooms: z.array(z.object({ roomId: idSchema, names: localizedNamesSchema })),
  series: z.array(
    z.object({
      at: isoDateTimeSchema,
      /** Same order as `rooms`. */
      seated: z.array(z.number().min(0)),
    }),
  ),
});
export type Occupancy = z.infer<typeof occupancySchema>;

/** Meetings between people of two organisation types; `a` ≤ `b`, most frequent first. */
export const organisationLinkSchema = z.object({
  a: organisationTypeSchema,
  b: organisationTypeSchema,
  meetings: z.number().int().min(1),
});
export type OrganisationLink = z.infer<typeof organisationLinkSchema>;

export const fairReportSchema = z.object({
  fairId: idSchema,
  generatedAt: isoDateTimeSchema,
  meetingThresholdSeconds: z.number().int(),
  participants: z.object({
    /** Registered with the participant role. */
    registered: z.number().int().min(0),
    /** Of them, sat at a table at least once. */
    seated: z.number().int().min(0),
  }),
  /** All pairs (any role) that met. */
  meetings: z.number().int().min(0),
  newPeople: distributionSchema,
  newOrganisations: distributionSchema,
  themes: z.array(themeReportSchema),
  occupancy: occupancySchema,
  organisationLinks: z.array(organisationLinkSchema),
});
export type FairReport = z.infer<typeof fairReportSchema>;

export const reportResponseSchema = z.object({
  report: fairReportSchema,
  /** Set once the fair's personal data is erased: `report` is then the snapshot taken before. */
  erasedAt: isoDateTimeSchema.nullable().optional(),
});
export type ReportResponse = z.infer<typeof reportResponseSchema>;
