import { z } from 'zod';
import { accountSchema } from './auth';
import { idSchema, isoDateTimeSchema, personRefSchema } from './common';
import { cardFieldSchema, cardFieldsSchema, exchangeStatusSchema } from './contacts';
import { fairSchema } from './fairs';
import { moderationActionSchema } from './moderation';
import { registrationSchema } from './registrations';

/**
 * Data protection: an organiser erases a fair's personal data when it is over, a person deletes
 * their own account, and a person downloads everything held about them.
 *
 * - Erasure (`POST fairErasure`, organisers of the fair) needs the fair's title typed back and a
 *   closed fair. Everyone's registration but the organisers' goes, with every card, note,
 *   exchange, block, seat interval, meeting, chat message, raised hand, round choice, stage call
 *   and moderation log entry of the fair. The report's counts are kept as a snapshot taken just
 *   before. The invite link is replaced, so the old one registers nobody. The fair stays closed.
 * - Account deletion (`POST accountDeletion`) needs the password. A fair in which the person is
 *   the only organiser and others are registered must get another organiser first
 *   (`SOLE_ORGANISER`); a fair with nobody else in it goes with the account.
 * - The download (`GET myData`) is a JSON attachment of `personalDataExportSchema`.
 */

export const dataRightsRoutes = {
  /** POST (organisers): erase the fair's personal data (`eraseFairBodySchema`). */
  fairErasure: '/api/fairs/:fairId/erasure',
  /** POST (the person): delete the signed-in account (`deleteAccountBodySchema`). */
  accountDeletion: '/api/account/deletion',
  /** GET (the person): everything held about the signed-in account, as a JSON attachment. */
  myData: '/api/account/data',
} as const;

/** Stands for a person whose account was deleted, where a record outlives them (the log). */
export const ERASED_PERSON_ID = '00000000-0000-0000-0000-000000000000';

/** Case, surrounding spaces and runs of spaces do not matter; every letter does. */
function normaliseConfirmation(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('fi');
}

/** Whether what the organiser typed confirms erasing the fair with this title. */
export function confirmsErasure(typed: string, fairTitle: string): boolean {
  return normaliseConfirmation(typed) === normaliseConfirmation(fairTitle);
}

export const eraseFairBodySchema = z
  .object({
    /** The fair's title, typed back by the organiser. */
    confirmation: z.string().max(300),
  })
  .strict();
export type EraseFairBody = z.input<typeof eraseFairBodySchema>;

export const fairErasureResponseSchema = z.object({
  fair: fairSchema,
  erasedAt: isoDateTimeSchema,
  /** Registrations removed by this erasure (the organisers' own are kept). */
  people: z.number().int().min(0),
});
export type FairErasureResponse = z.infer<typeof fairErasureResponseSchema>;

export const deleteAccountBodySchema = z.object({ password: z.string().min(1).max(200) }).strict();
export type DeleteAccountBody = z.input<typeof deleteAccountBodySchema>;

const otherPersonSchema = personRefSchema.nullable();

/** One fair as it concerns the person downloading: their side of everything. */
export const personalFairDataSchema = z.object({
  fair: fairSchema.pick({ id: true, slug: true, title: true, startsAt: true, endsAt: true }),
  registration: registrationSchema,
  card: z
    .object({
      fields: cardFieldsSchema,
      shared: z.array(cardFieldSchema),
      updatedAt: isoDateTimeSchema,
    })
    .nullable(),
  exchanges: z.array(
    z.object({
      id: idSchema,
      direction: z.enum(['sent', 'received']),
      /** As the person saw them in the fair; null when they are gone. */
      other: otherPersonSchema,
      message: z.string(),
      status: exchangeStatusSchema,
      createdAt: isoDateTimeSchema,
      answeredAt: isoDateTimeSchema.nullable(),
    }),
  ),
  notes: z.array(z.object({ contact: otherPersonSchema, note: z.string() })),
  blocked: z.array(otherPersonSchema),
  seatIntervals: z.array(
    z.object({
      tableId: idSchema,
      joinedAt: isoDateTimeSchema,
      leftAt: isoDateTimeSchema.nullable(),
    }),
  ),
  /** Time sat with each person, per table where the two sat together. */
  meetings: z.array(
    z.object({
      other: otherPersonSchema,
      tableId: idSchema,
      overlapSeconds: z.number().int().min(0),
      firstAt: isoDateTimeSchema,
    }),
  ),
  chatMessages: z.array(
    z.object({
      id: idSchema,
      roomId: idSchema,
      tableId: idSchema.nullable(),
      text: z.string(),
      sentAt: isoDateTimeSchema,
    }),
  ),
  helpRequests: z.array(
    z.object({
      id: idSchema,
      roomId: idSchema,
      note: z.string(),
      raisedAt: isoDateTimeSchema,
      closedAt: isoDateTimeSchema.nullable(),
      outcome: z.string().nullable(),
    }),
  ),
  /** Moderation actions taken on the person, with the moderator as logged. */
  moderation: z.array(
    z.object({
      at: isoDateTimeSchema,
      by: personRefSchema,
      action: moderationActionSchema,
      reason: z.string().nullable(),
    }),
  ),
  roundOptOut: z.boolean(),
});
export type PersonalFairData = z.infer<typeof personalFairDataSchema>;

export const personalDataExportSchema = z.object({
  exportedAt: isoDateTimeSchema,
  account: accountSchema,
  fairs: z.array(personalFairDataSchema),
});
export type PersonalDataExport = z.infer<typeof personalDataExportSchema>;
