import type { createClient } from 'redis';
import type { Logger } from '../observability/logger';

type RedisClient = ReturnType<typeof createClient>;

/**
 * Stream ids are the Redis server's clock; a node's clock may be a little off, so entries are
 * kept this much longer than the recovery window needs.
 */
const CLOCK_MARGIN_MS = 30_000;
/** Often enough that the stream never holds much more than the window. */
export const STREAM_TRIM_EVERY_MS = 10_000;

/** Drops the entries older than the window; the rest is what a reconnecting client may replay. */
export async function trimStreamOnce(
  client: RedisClient,
  streamName: string,
  windowMs: number,
  nowMs: number,
): Promise<number> {
  const oldestKeptMs = Math.max(0, Math.floor(nowMs - windowMs - CLOCK_MARGIN_MS));
  return client.xTrim(streamName, 'MINID', `${oldestKeptMs}-0`);
}

/**
 * Socket.IO's stream exists so that a client back within the connection-state recovery window
 * can replay what it missed; an entry older than the window serves nobody (the client's session
 * has expired, it reads snapshots instead). The adapter trims by count alone (`maxLen`), which
 * holds whatever time that count covers at the moment's rate: hours when a fair is quiet, and in
 * a busy one a buffer that keeps filling for minutes. Trimming by age keeps the window, so the
 * stream's size follows the current rate and stops growing once the window is full. Every node
 * trims; it is idempotent.
 */
export function trimStreamByAge(
  client: RedisClient,
  streamName: string,
  windowMs: number,
  logger: Logger,
): () => void {
  const timer = setInterval(() => {
    trimStreamOnce(client, streamName, windowMs, Date.now()).catch((err: unknown) =>
      logger.warn({ err }, 'could not trim the socket.io stream'),
    );
  }, STREAM_TRIM_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
