import { z } from 'zod';

export const LANGUAGES = ['fi', 'en', 'sv'] as const;
export const languageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof languageSchema>;

export const idSchema = z.uuid();

/** What others see of a person in presence: enough to decide whom to sit with. */
export const personRefSchema = z.object({
  id: idSchema,
  name: z.string(),
  organisation: z.string(),
});
export type PersonRef = z.infer<typeof personRefSchema>;

/** Text that the organiser writes once per language; at least one language must be present. */
export const localizedTextSchema = z
  .object({
    fi: z.string().trim().max(300).optional(),
    en: z.string().trim().max(300).optional(),
    sv: z.string().trim().max(300).optional(),
  })
  .strict()
  .refine((text) => LANGUAGES.some((lang) => (text[lang] ?? '').length > 0), {
    message: 'Give the text in at least one language',
  });
export type LocalizedText = z.infer<typeof localizedTextSchema>;

export const longLocalizedTextSchema = z
  .object({
    fi: z.string().trim().max(5000).optional(),
    en: z.string().trim().max(5000).optional(),
    sv: z.string().trim().max(5000).optional(),
  })
  .strict();

/** Picks the text in the wanted language, falling back through the others in a fixed order. */
export function pickText(
  text: Partial<Record<Language, string | undefined>> | undefined,
  language: Language,
): string {
  if (!text) return '';
  const order: Language[] = [language, ...LANGUAGES.filter((lang) => lang !== language)];
  for (const lang of order) {
    const value = text[lang];
    if (value) return value;
  }
  return '';
}

export const isoDateTimeSchema = z.iso.datetime({ offset: true });

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
export const timeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine(isTimeZone, { message: 'Unknown time zone' });

export const slugSchema = z
  .string()
  .min(2)
  .max(60)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lowercase letters, digits and dashes');
