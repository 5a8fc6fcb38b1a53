import { confirmsErasure, type Fair } from '@kohtaamo/protocol';

/**
 * Where the organiser stands with erasing the fair's personal data: done already, not possible
 * until the fair is closed, or waiting for the fair's name to be typed back.
 */
export type ErasureStage =
  | { kind: 'erased'; erasedAt: string }
  | { kind: 'notClosed' }
  | { kind: 'confirming'; confirmed: boolean };

export function erasureStage(fair: Fair, typed: string): ErasureStage {
  if (fair.erasedAt) return { kind: 'erased', erasedAt: fair.erasedAt };
  if (fair.status !== 'closed') return { kind: 'notClosed' };
  return { kind: 'confirming', confirmed: confirmsErasure(typed, fair.title) };
}

/** The day personal data was erased, in the fair's time zone and the reader's language. */
export function erasureDate(iso: string, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone }).format(Date.parse(iso));
}
