/** The longest wait between two attempts to reach Redis again. */
const MAX_RECONNECT_DELAY_MS = 2_000;

/**
 * How long a Redis client waits before its next attempt to reconnect: doubling from 50 ms up to
 * two seconds, with up to 200 ms of jitter so that the nodes do not all knock at once. It never
 * gives up. The client's own default stops after an attempt that timed out (Redis behind a
 * network that drops packets rather than refusing them), which would leave presence, the
 * Socket.IO adapter or the rate limits without Redis until the node restarts.
 */
export function reconnectDelayMs(retries: number, random = Math.random): number {
  const backoff = Math.min(2 ** retries * 50, MAX_RECONNECT_DELAY_MS);
  return backoff + Math.floor(random() * 200);
}

/** Options for every Redis client of the server. */
export function redisClientOptions(url: string) {
  return { url, socket: { reconnectStrategy: (retries: number) => reconnectDelayMs(retries) } };
}
