import {
  type Ack,
  type ClientEventName,
  type ClientResult,
  clientEvents,
  type ErrorCode,
  MAX_EVENT_PAYLOAD_BYTES,
} from '@kohtaamo/protocol';
import type { z } from 'zod';
import type { Logger } from '../observability/logger';
import type { Metrics } from '../observability/metrics';
import { StoreUnavailableError } from '../store/errors';
import type { EventLimiter } from './event-limits';
import { RealtimeError } from './realtime-error';

type Payload<E extends ClientEventName> = z.output<(typeof clientEvents)[E]['payload']>;

/** One handler per client event; a missing one fails to compile. */
export type Handlers = {
  [E in ClientEventName]: (payload: Payload<E>) => Promise<ClientResult<E>>;
};

type AckFn = (response: Ack<unknown>) => void;

/** The part of a socket the dispatcher needs, so tests can drive it without Socket.IO. */
export interface EventSource {
  onAny(listener: (event: string, ...args: unknown[]) => void): void;
  readonly connected: boolean;
}

function isClientEvent(name: string): name is ClientEventName {
  return Object.hasOwn(clientEvents, name);
}

function fail(code: ErrorCode, message: string): Ack<never> {
  return { ok: false, error: { code, message } };
}

function payloadSize(payload: unknown): number {
  try {
    return Buffer.byteLength(JSON.stringify(payload) ?? '');
  } catch {
    // Socket.IO only delivers JSON-like data, but a cycle must not crash the process.
    return Number.POSITIVE_INFINITY;
  }
}

export interface DispatchOptions {
  logger: Logger;
  metrics: Metrics;
  /** Resolves once the connection is set up; events wait for it. */
  ready: Promise<unknown>;
  /** The connection's rate limits; every event counts, even one that is then refused. */
  limit: EventLimiter;
  nowMs: () => number;
}

/**
 * Validates every client event before anything runs, runs it, and answers through the
 * acknowledgement. A connection's events run one at a time, in the order they arrived, so a
 * quick sit-then-move cannot leave its socket following the wrong room.
 */
export function dispatch(source: EventSource, handlers: Handlers, options: DispatchOptions): void {
  const { logger, metrics } = options;
  let queue: Promise<unknown> = options.ready;

  async function run(event: string, payload: unknown): Promise<Ack<unknown>> {
    if (!isClientEvent(event)) return fail('INVALID', `Unknown event ${event.slice(0, 64)}`);
    const spec = clientEvents[event];
    const maxBytes = 'maxPayloadBytes' in spec ? spec.maxPayloadBytes : MAX_EVENT_PAYLOAD_BYTES;
    if (payloadSize(payload) > maxBytes) {
      return fail('INVALID', 'The event is too large');
    }
    const parsed = spec.payload.safeParse(payload ?? {});
    if (!parsed.success) return fail('INVALID', parsed.error.issues[0]?.message ?? 'Invalid');
    try {
      const handler = handlers[event] as (input: unknown) => Promise<unknown>;
      return { ok: true, data: await handler(parsed.data) };
    } catch (err) {
      if (err instanceof RealtimeError) return fail(err.code, err.message);
      if (err instanceof StoreUnavailableError) {
        return fail('STORE_UNAVAILABLE', 'The database is unavailable; try again');
      }
      logger.error({ err, event }, 'realtime handler failed');
      return fail('INTERNAL', 'Something went wrong');
    }
  }

  source.onAny((event, ...args) => {
    const ack = args.at(-1);
    const limited = options.limit(event, options.nowMs());
    // Without an acknowledgement there is nobody to answer, so the event is not run at all.
    if (typeof ack !== 'function') {
      metrics.socketEvents.inc({ event: 'unacknowledged', outcome: 'INVALID' });
      return;
    }
    const label = isClientEvent(event) ? event : 'unknown';
    // Answered at once, not queued: a flood must not hold up the connection's other events.
    if (limited) {
      metrics.socketEvents.inc({ event: label, outcome: 'RATE_LIMITED' });
      const seconds = Math.max(1, Math.ceil(limited.retryAfterMs / 1000));
      (ack as AckFn)(fail('RATE_LIMITED', `Too many messages; try again in ${seconds} s`));
      return;
    }
    const payload = args.length > 1 ? args[0] : undefined;
    const stopTimer = metrics.socketAckDuration.startTimer({ event: label });
    queue = queue
      .catch(() => undefined)
      .then(() => {
        // The connection ended while the event waited its turn: nobody hears the answer, and a
        // move run now would place a person who has already left.
        if (!source.connected) return null;
        return run(event, payload);
      })
      .then((response) => {
        if (!response) {
          metrics.socketEvents.inc({ event: label, outcome: 'disconnected' });
          return;
        }
        stopTimer();
        metrics.socketEvents.inc({
          event: label,
          outcome: response.ok ? 'ok' : response.error.code,
        });
        (ack as AckFn)(response);
      })
      .catch((err: unknown) => logger.error({ err, event: label }, 'could not acknowledge'));
  });
}
