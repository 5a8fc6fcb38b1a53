import { createServer, type Server } from 'node:http';
import { createApp } from './http/app';
import type { HttpDeps } from './http/deps';
import { attachRealtime, type Realtime, type RealtimeOptions } from './realtime/socket-server';

type SharedWithHttp = 'store' | 'logger' | 'metrics' | 'cookieSecret' | 'now';

/**
 * One node: the REST app and Socket.IO on one HTTP server, not yet listening. Rooms and tables
 * edited through the API reach the live side through `onLayoutChanged`.
 */
export async function createNodeServer(
  http: Omit<HttpDeps, 'onLayoutChanged' | 'livekitWebhook'>,
  live: Omit<RealtimeOptions, SharedWithHttp>,
): Promise<{ server: Server; realtime: Realtime }> {
  const { livekit } = live.media;
  const app = createApp({
    ...http,
    // Requests arrive only after `listen`, by which time `realtime` exists.
    onLayoutChanged: (fairId) => realtime.layoutChanged(fairId),
    livekitWebhook: livekit && {
      apiKey: livekit.apiKey,
      apiSecret: livekit.apiSecret,
      reconcile: (event) => realtime.media.reconcile(event),
    },
  });
  const server = createServer(app);
  const realtime = await attachRealtime(server, {
    ...live,
    store: http.store,
    logger: http.logger,
    metrics: http.metrics,
    cookieSecret: http.cookieSecret,
    now: http.now,
  });
  return { server, realtime };
}
