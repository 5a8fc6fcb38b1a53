import { z } from 'zod';
import { idSchema, isoDateTimeSchema, localizedTextSchema } from './common';

export const AGENDA_KINDS = ['speech', 'networking_round', 'break', 'closing'] as const;
export const agendaKindSchema = z.enum(AGENDA_KINDS);
export type AgendaKind = z.infer<typeof agendaKindSchema>;

export const agendaPlaceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('stage') }).strict(),
  z.object({ kind: z.literal('room'), roomId: idSchema }).strict(),
]);
export type AgendaPlace = z.infer<typeof agendaPlaceSchema>;

const agendaFields = {
  kind: agendaKindSchema,
  title: localizedTextSchema,
  startsAt: isoDateTimeSchema,
  endsAt: isoDateTimeSchema,
  /** Registration ids of the speakers. */
  speakerIds: z.array(idSchema).max(20),
  place: agendaPlaceSchema,
};

function endsAfterStart(value: { startsAt?: string; endsAt?: string }): boolean {
  if (!value.startsAt || !value.endsAt) return true;
  return Date.parse(value.endsAt) > Date.parse(value.startsAt);
}
const endsAfterStartIssue = { message: 'The end must be after the start', path: ['endsAt'] };

export const agendaItemBodySchema = z
  .object({
    ...agendaFields,
    speakerIds: agendaFields.speakerIds.default([]),
    place: agendaFields.place.default({ kind: 'stage' }),
  })
  .strict()
  .refine(endsAfterStart, endsAfterStartIssue);
export type AgendaItemBody = z.input<typeof agendaItemBodySchema>;

export const updateAgendaItemBodySchema = z
  .object(agendaFields)
  .partial()
  .strict()
  .refine(endsAfterStart, endsAfterStartIssue);
export type UpdateAgendaItemBody = z.input<typeof updateAgendaItemBodySchema>;

export const agendaItemSchema = z.object({
  id: idSchema,
  fairId: idSchema,
  kind: agendaKindSchema,
  title: z.object({
    fi: z.string().optional(),
    en: z.string().optional(),
    sv: z.string().optional(),
  }),
  startsAt: isoDateTimeSchema,
  endsAt: isoDateTimeSchema,
  speakerIds: z.array(idSchema),
  place: agendaPlaceSchema,
});
export type AgendaItem = z.infer<typeof agendaItemSchema>;
