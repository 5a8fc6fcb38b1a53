import type { ClientEventName } from '@kohtaamo/protocol';
import type { SocketLimits } from '../config-limits';
import { createTokenBucket, type TokenBucket } from '../domain/token-bucket';

/** Events that reach other people, each with its own, tighter bucket besides the general one. */
const TIGHTER: Partial<Record<ClientEventName, Exclude<keyof SocketLimits, 'events'>>> = {
  'chat.send': 'chat',
  'moderation.broadcast': 'broadcast',
  'help.raise': 'hand',
};

/** Answers whether a connection may send one more event now, and if not, when. */
export type EventLimiter = (event: string, nowMs: number) => { retryAfterMs: number } | null;

/**
 * The buckets of one connection. They live and die with it: a reconnect after a node dies
 * starts full, so a reconnect storm is never refused, while a client that floods one connection
 * is slowed down on every node alike (each connection lives on one node).
 */
export function connectionLimiter(limits: SocketLimits, nowMs: number): EventLimiter {
  const bucket = (name: keyof SocketLimits): TokenBucket =>
    createTokenBucket(limits[name].limit, limits[name].windowMs, nowMs);
  const events = bucket('events');
  const tighter = new Map<keyof SocketLimits, TokenBucket>();
  return (event, now) => {
    const general = events.take(now);
    if (!general.ok) return { retryAfterMs: general.retryAfterMs };
    const name = Object.hasOwn(TIGHTER, event) ? TIGHTER[event as ClientEventName] : undefined;
    if (!name) return null;
    let own = tighter.get(name);
    if (!own) {
      own = bucket(name);
      tighter.set(name, own);
    }
    const taken = own.take(now);
    return taken.ok ? null : { retryAfterMs: taken.retryAfterMs };
  };
}
