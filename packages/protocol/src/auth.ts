import { z } from 'zod';
import { idSchema, isoDateTimeSchema } from './common';

export const emailSchema = z
  .email()
  .max(254)
  .transform((email) => email.toLowerCase());
export const passwordSchema = z.string().min(10, 'Use at least 10 characters').max(200);
export const displayNameSchema = z.string().trim().min(1).max(80);

export const signUpBodySchema = z
  .object({ email: emailSchema, password: passwordSchema, displayName: displayNameSchema })
  .strict();
export type SignUpBody = z.input<typeof signUpBodySchema>;

export const signInBodySchema = z
  .object({ email: emailSchema, password: z.string().min(1).max(200) })
  .strict();
export type SignInBody = z.input<typeof signInBodySchema>;

export const accountSchema = z.object({
  id: idSchema,
  email: z.string(),
  displayName: z.string(),
  createdAt: isoDateTimeSchema,
});
export type Account = z.infer<typeof accountSchema>;

export const meResponseSchema = z.object({ account: accountSchema });
export type MeResponse = z.infer<typeof meResponseSchema>;
