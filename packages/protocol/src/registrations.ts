import { z } from 'zod';
import { idSchema, isoDateTimeSchema } from './common';
import { displayNameSchema } from './auth';

export const ORGANISATION_TYPES = [
  'ngo',
  'municipality',
  'state_authority',
  'company',
  'education',
  'volunteer',
  'other',
] as const;
export const organisationTypeSchema = z.enum(ORGANISATION_TYPES);
export type OrganisationType = z.infer<typeof organisationTypeSchema>;

export const ROLES = ['organiser', 'facilitator', 'speaker', 'participant'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** A spoken language as a BCP 47 primary tag ("fi", "ar", "so"), not only the UI languages. */
export const spokenLanguageSchema = z
  .string()
  .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'Use a language code such as fi, sv or ar');

export const profileSchema = z
  .object({
    displayName: displayNameSchema,
    organisation: z.string().trim().min(1).max(120),
    organisationType: organisationTypeSchema,
    title: z.string().trim().max(120).default(''),
    languages: z.array(spokenLanguageSchema).max(20).default([]),
    /** Room ids of the fair's themes this person is interested in. */
    themes: z.array(idSchema).max(50).default([]),
  })
  .strict();
export type Profile = z.infer<typeof profileSchema>;
export type ProfileInput = z.input<typeof profileSchema>;

/**
 * Registering needs the person's consent to the data use the form explains (what is stored,
 * who sees what); the server stores when it was given.
 */
export const registerBodySchema = z
  .object({ profile: profileSchema, consent: z.literal(true) })
  .strict();
export type RegisterBody = z.input<typeof registerBodySchema>;

export const updateProfileBodySchema = z.object({ profile: profileSchema }).strict();
export type UpdateProfileBody = z.input<typeof updateProfileBodySchema>;

export const assignRoleBodySchema = z
  .object({
    role: roleSchema,
    /** Only meaningful for facilitators; ignored (stored empty) for other roles. */
    facilitatorRoomIds: z.array(idSchema).max(50).default([]),
  })
  .strict();
export type AssignRoleBody = z.input<typeof assignRoleBodySchema>;

export const registrationSchema = z.object({
  id: idSchema,
  fairId: idSchema,
  accountId: idSchema,
  role: roleSchema,
  facilitatorRoomIds: z.array(idSchema),
  profile: profileSchema,
  /** When the person consented to the data use; null for organisers' own and seeded ones. */
  consentedAt: isoDateTimeSchema.nullable(),
  createdAt: isoDateTimeSchema,
});
export type Registration = z.infer<typeof registrationSchema>;
