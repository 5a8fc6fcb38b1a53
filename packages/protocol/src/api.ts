import { z } from 'zod';
import { agendaItemSchema } from './agenda';
import { idSchema, isoDateTimeSchema, languageSchema } from './common';
import { fairSchema, roomSchema, tableSchema } from './fairs';
import { registrationSchema, roleSchema } from './registrations';
import { roundRoutes } from './rounds';

/**
 * Every REST route as an Express path pattern. The server mounts these; the client fills them
 * with `buildPath`, so a renamed route breaks both at compile time rather than at run time.
 */
export const apiRoutes = {
  signUp: '/api/auth/signup',
  signIn: '/api/auth/signin',
  signOut: '/api/auth/signout',
  me: '/api/auth/me',
  fairs: '/api/fairs',
  fair: '/api/fairs/:fairId',
  fairInvite: '/api/fairs/:fairId/invite',
  /** Organisers: a new draft fair made from this one (`copyFairBodySchema`). */
  fairCopies: '/api/fairs/:fairId/copies',
  invite: '/api/invites/:code',
  inviteRegistrations: '/api/invites/:code/registrations',
  registrations: '/api/fairs/:fairId/registrations',
  myRegistration: '/api/fairs/:fairId/registrations/me',
  registrationRole: '/api/fairs/:fairId/registrations/:registrationId/role',
  rooms: '/api/fairs/:fairId/rooms',
  room: '/api/fairs/:fairId/rooms/:roomId',
  roomTables: '/api/fairs/:fairId/rooms/:roomId/tables',
  table: '/api/fairs/:fairId/tables/:tableId',
  agenda: '/api/fairs/:fairId/agenda',
  agendaItem: '/api/fairs/:fairId/agenda/:itemId',
  agendaIcs: '/api/fairs/:fairId/agenda.ics',
  myCard: '/api/fairs/:fairId/card',
  exchanges: '/api/fairs/:fairId/exchanges',
  exchange: '/api/fairs/:fairId/exchanges/:exchangeId',
  exchangeAnswer: '/api/fairs/:fairId/exchanges/:exchangeId/answer',
  blocks: '/api/fairs/:fairId/blocks',
  block: '/api/fairs/:fairId/blocks/:personId',
  contacts: '/api/fairs/:fairId/contacts',
  contact: '/api/fairs/:fairId/contacts/:personId',
  contactNote: '/api/fairs/:fairId/contacts/:personId/note',
  contactsVcf: '/api/fairs/:fairId/contacts.vcf',
  contactVcf: '/api/fairs/:fairId/contacts/:personId.vcf',
  contactsCsv: '/api/fairs/:fairId/contacts.csv',
  peopleIMet: '/api/fairs/:fairId/met',
  report: '/api/fairs/:fairId/report',
  reportCsv: '/api/fairs/:fairId/report.csv',
  /** Organisers: the fair's moderation log (`moderationLogResponseSchema`). */
  moderationLog: '/api/fairs/:fairId/moderation-log',
  ...roundRoutes,
} as const;
export type ApiRoute = (typeof apiRoutes)[keyof typeof apiRoutes];

type ParamNames<Path extends string> = Path extends `${string}:${infer Param}/${infer Rest}`
  ? Param | ParamNames<`/${Rest}`>
  : Path extends `${string}:${infer Param}.${string}`
    ? Param
    : Path extends `${string}:${infer Param}`
      ? Param
      : never;

/** Fills an `apiRoutes` pattern: `buildPath(apiRoutes.fair, { fairId })`. */
export function buildPath<Path extends ApiRoute>(
  path: Path,
  params: Record<ParamNames<Path>, string>,
): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) =>
    encodeURIComponent((params as Record<string, string>)[name] ?? ''),
  );
}

/** The web route through which a person registers for a fair. */
export const joinPath = (code: string): string => `/join/${encodeURIComponent(code)}`;

export const fairListResponseSchema = z.object({
  fairs: z.array(z.object({ fair: fairSchema, role: roleSchema })),
});
export type FairListResponse = z.infer<typeof fairListResponseSchema>;

export const fairResponseSchema = z.object({ fair: fairSchema });
export type FairResponse = z.infer<typeof fairResponseSchema>;

/** A person others in the fair may see by name: speakers, facilitators and organisers. */
export const fairPersonSchema = z.object({
  registrationId: idSchema,
  displayName: z.string(),
  organisation: z.string(),
  role: roleSchema,
});
export type FairPerson = z.infer<typeof fairPersonSchema>;

export const fairDetailResponseSchema = z.object({
  fair: fairSchema,
  rooms: z.array(roomSchema),
  agenda: z.array(agendaItemSchema),
  me: registrationSchema,
  staff: z.array(fairPersonSchema),
});
export type FairDetailResponse = z.infer<typeof fairDetailResponseSchema>;

export const inviteResponseSchema = z.object({ code: z.string(), path: z.string() });
export type InviteResponse = z.infer<typeof inviteResponseSchema>;

export const invitePreviewResponseSchema = z.object({
  fair: z.object({
    id: idSchema,
    title: z.string(),
    description: z.string(),
    timeZone: z.string(),
    startsAt: isoDateTimeSchema,
    endsAt: isoDateTimeSchema,
    languages: z.array(languageSchema),
  }),
  rooms: z.array(roomSchema.pick({ id: true, names: true })),
  /** Set when the signed-in person is already registered for this fair. */
  registrationId: idSchema.nullable(),
});
export type InvitePreviewResponse = z.infer<typeof invitePreviewResponseSchema>;

export const registrationResponseSchema = z.object({ registration: registrationSchema });
export type RegistrationResponse = z.infer<typeof registrationResponseSchema>;

export const registrationListResponseSchema = z.object({
  registrations: z.array(registrationSchema),
});
export type RegistrationListResponse = z.infer<typeof registrationListResponseSchema>;

export const roomResponseSchema = z.object({ room: roomSchema });
export type RoomResponse = z.infer<typeof roomResponseSchema>;

export const tableResponseSchema = z.object({ table: tableSchema });
export type TableResponse = z.infer<typeof tableResponseSchema>;

export const agendaResponseSchema = z.object({ agenda: z.array(agendaItemSchema) });
export type AgendaResponse = z.infer<typeof agendaResponseSchema>;

export const agendaItemResponseSchema = z.object({ item: agendaItemSchema });
export type AgendaItemResponse = z.infer<typeof agendaItemResponseSchema>;

/** Path parameters are ids; anything else is a 404 rather than a database error. */
export const routeIdSchema = idSchema;
