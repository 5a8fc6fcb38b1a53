import { createServer, type Server } from 'node:http';
import { createApp } from './http/app';
import {
  createMeetingService,
  type MeetingService,
  type PersonNotifier,
} from './meetings/meeting-service';
import type { HttpDeps } from './http/deps';
import { attachRealtime, type Realtime, type RealtimeOptions } from './realtime/socket-server';

type SharedWithHttp = 'store' | 'logger' | 'metrics' | 'cookieSecret' | 'now' | 'meetings';

/**
 * One node: the REST app and Socket.IO on one HTTP server, not yet listening. Rooms and tables
 * edited through the API reach the live side through `onLayoutChanged`.
 */
export async function createNodeServer(
  http: Omit<
    HttpDeps,
    | 'onLayoutChanged'
    | 'onAgendaChanged'
    | 'onFairStatusChanged'
    | 'livekitWebhook'
    | 'meetings'
    | 'notify'
  >,
  live: Omit<RealtimeOptions, SharedWithHttp>,
): Promise<{ server: Server; realtime: Realtime; meetings: MeetingService }> {
  const { livekit } = live.media;
  // Requests and freed seats arrive only after `listen`, by which time `realtime` exists.
  const notify: PersonNotifier = (personId, event, ...args) =>
    realtime.notify(personId, event, ...args);
  const meetings = createMeetingService({
    store: http.store,
    logger: http.logger,
    nowMs: () => http.now().getTime(),
    reconnectGraceMs: live.reconnectGraceMs,
    notify,
  });
  const app = createApp({
    ...http,
    meetings,
    notify,
    onLayoutChanged: (fairId) => realtime.layoutChanged(fairId),
    onAgendaChanged: (fairId) => realtime.agendaChanged(fairId),
    onFairStatusChanged: (fairId, status) => realtime.statusChanged(fairId, status),
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
    meetings,
  });
  return { server, realtime, meetings };
}
