import { z } from 'zod';
import type { LockoutPolicy } from './domain/sign-in-lockout';

/** At most `limit` within `windowMs`; for a token bucket, `limit` is the burst. */
export interface Rate {
  limit: number;
  windowMs: number;
}

/** Per client address (and email, for signing in), counted in Redis when there is one. */
export interface HttpLimits {
  signIn: Rate;
  signInPerAddress: Rate;
  signUp: Rate;
  registration: Rate;
}

/**
 * Token buckets per connection: every event takes from `events`; the events that reach other
 * people take from their own, tighter bucket as well.
 */
export interface SocketLimits {
  events: Rate;
  chat: Rate;
  broadcast: Rate;
  hand: Rate;
}

export interface LimitsConfig {
  http: HttpLimits;
  lockout: LockoutPolicy;
  socket: SocketLimits;
}

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;

/** `15m`, `30s`, `1h`, `500ms` → milliseconds. */
export const durationSchema = z
  .string()
  .regex(/^\d+(ms|s|m|h)$/, 'Use a duration such as 30s, 15m or 1h')
  .transform((text) => {
    const [, amount = '0', unit = 'ms'] = /^(\d+)(ms|s|m|h)$/.exec(text) ?? [];
    return Number(amount) * UNIT_MS[unit as keyof typeof UNIT_MS];
  })
  .pipe(z.number().int().min(1));

/** `20/15m`: at most 20 within 15 minutes. */
export const rateSchema = z
  .string()
  .regex(/^\d+\/\d+(ms|s|m|h)$/, 'Use a count and a duration such as 20/15m')
  .transform((text) => {
    const [count = '0', duration = ''] = text.split('/');
    return { limit: Number(count), windowMs: durationSchema.parse(duration) };
  })
  .pipe(z.object({ limit: z.number().int().min(1), windowMs: z.number().int().min(1) }));
