import { randomBytes } from 'node:crypto';
import type { Server as HttpServer } from 'node:http';
import {
  type FairStatus,
  MESH_TABLE_LIMIT,
  type Self,
  ServerEvent,
  type ServerEvents,
} from '@kohtaamo/protocol';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient } from 'redis';
import { type DisconnectReason, Server, type Socket } from 'socket.io';
import type { MediaConfig } from '../config';
import type { SocketLimits } from '../config-limits';
import { isAppOrigin } from '../http/origin-check';
import { createLiveAgenda } from '../live-agenda/live-agenda-service';
import { createMedia } from '../media/media';
import type { MeetingService, PersonNotifier } from '../meetings/meeting-service';
import { createMeetingUpdates } from '../meetings/meeting-updates';
import { createModeration } from '../moderation/moderation-service';
import { createRoundService } from '../rounds/round-service';
import type { Logger } from '../observability/logger';
import type { Metrics } from '../observability/metrics';
import type { Presence } from '../presence/types';
import type { Store } from '../store/types';
import { agendaHandlers } from './agenda-handlers';
import { dispatch, type Handlers } from './dispatcher';
import { connectionLimiter } from './event-limits';
import { socketIoFanout } from './fanout';
import { chatHandlers } from './chat-handlers';
import { sendAwayNotAdmitted } from './fair-status';
import { authenticate, ConnectionRefused, type Member } from './handshake';
import { helpHandlers } from './help-handlers';
import { createLayoutCache } from './layout';
import type { LiveEmit } from './live-emit';
import { createLivePresence, type Departure } from './live-presence';
import type { NodeEvents } from './node-events';
import { mediaHandlers } from './media-handlers';
import { moderationHandlers } from './moderation-handlers';
import { isPlaceRoom, placeRooms, socketRooms, staffRooms } from './places';
import { RealtimeError } from './realtime-error';
import { trimStreamByAge } from './stream-trim';
import { redisClientOptions } from '../redis-reconnect';

export interface RealtimeOptions {
  store: Store;
  presence: Presence;
  logger: Logger;
  metrics: Metrics;
  cookieSecret: string;
  /** The app's address: browsers may open connections from its origin only. */
  publicUrl: string;
  now: () => Date;
  socketLimits: SocketLimits;
  /** With Redis, nodes share diffs and reconnection state through a Redis stream. */
  redis: { url: string; keyPrefix: string } | undefined;
  presenceTtlMs: number;
  reconnectGraceMs: number;
  media: MediaConfig;
  meetings: MeetingService;
}

interface SocketData {
  member: Member;
  /** Closed because the fair's status no longer admits the person (`fair-status.ts`). */
  sentAway?: boolean;
}
type LiveServer = Server<Record<string, never>, ServerEvents, NodeEvents, SocketData>;
type LiveSocket = Socket<Record<string, never>, ServerEvents, Record<string, never>, SocketData>;

/** Frames above this are dropped by Socket.IO itself; smaller oversized events get INVALID. */
const MAX_FRAME_BYTES = 64 * 1024;
/**
 * A reconnecting client replays what it missed from the stream, which is trimmed to the reconnect
 * grace by age (`stream-trim.ts`). This cap only bounds a burst within that window (over 330
 * broadcasts a second for its two and a half minutes; about 33 MB at a fair's message sizes);
 * beyond it the client falls back to snapshots, and keeps its seat either way.
 */
const STREAM_MAX_ENTRIES = 50_000;
/** Rooms and tables edited on another node reach this one's cache within this time. */
const LAYOUT_MAX_AGE_MS = 10_000;

function departureOf(
  reason: DisconnectReason,
  shuttingDown: boolean,
  sentAway: boolean | undefined,
): Departure {
  if (sentAway) return 'left';
  if (shuttingDown || reason === 'server namespace disconnect') return 'handed-over';
  if (reason === 'client namespace disconnect') return 'left';
  return 'dropped';
}

/** Leaves the place rooms of the old place and joins those of the new one. */
function placeSocket(socket: LiveSocket, fairId: string, self: Self): void {
  const wanted = new Set(placeRooms(fairId, self.location));
  for (const room of socket.rooms) {
    if (isPlaceRoom(room) && !wanted.has(room)) void socket.leave(room);
  }
  void socket.join([...wanted]);
}

/**
 * Socket.IO on the same HTTP server as the REST API. One connection per person per fair: a new
 * tab takes over and the older one is told (`session.replaced`) and closed, because two tabs
 * each thinking they sit somewhere would confuse the person more than a clear notice does.
 */
export async function attachRealtime(httpServer: HttpServer, options: RealtimeOptions) {
  const { logger, metrics } = options;
  const nodeId = randomBytes(6).toString('hex');
  const { redis } = options;
  const adapterClient = redis ? createClient(redisClientOptions(redis.url)) : undefined;
  adapterClient?.on('error', (err: unknown) => logger.warn({ err }, 'socket.io redis error'));
  await adapterClient?.connect();
  const streamName = `${redis?.keyPrefix ?? ''}socket.io`;
  const stopTrimming = adapterClient
    ? trimStreamByAge(adapterClient, streamName, options.reconnectGraceMs, logger)
    : undefined;

  const io: LiveServer = new Server(httpServer, {
    path: '/socket.io',
    // WebSocket only: with several nodes behind a proxy, long-polling would need sticky sessions.
    transports: ['websocket'],
    maxHttpBufferSize: MAX_FRAME_BYTES,
    // A page on another site could open a socket with the person's cookie (websockets are not
    // bound by CORS), so a browser's handshake must come from the app's origin. Browsers always
    // send Origin with a websocket handshake; clients without one are not browsers (tests, load
    // generators, other services) and carry no victim's cookie.
    allowRequest: (req, callback) => {
      const { origin, host } = req.headers;
      callback(null, origin === undefined || isAppOrigin(origin, host, options.publicUrl));
    },
    connectionStateRecovery: {
      maxDisconnectionDuration: options.reconnectGraceMs,
      skipMiddlewares: false,
    },
    ...(adapterClient && redis
      ? {
          adapter: createAdapter(adapterClient, {
            streamName,
            channelPrefix: `${redis.keyPrefix}socket.io`,
            sessionKeyPrefix: `${redis.keyPrefix}sio:session:`,
            maxLen: STREAM_MAX_ENTRIES,
          }),
        }
      : {}),
  });

  const media = createMedia({
    config: options.media,
    presence: options.presence,
    store: options.store,
    io,
    logger,
    now: options.now,
    standUp: (fairId, personId, tableId) => live.standUp(fairId, personId, tableId),
  });
  const fanout = socketIoFanout(io);
  const meetingUpdates = createMeetingUpdates(options.meetings, logger);
  const live = createLivePresence({
    presence: options.presence,
    store: options.store,
    layouts: createLayoutCache(options.store, {
      maxAgeMs: LAYOUT_MAX_AGE_MS,
      nowMs: () => options.now().getTime(),
      maxTableCapacity: media.mode === 'mesh' ? MESH_TABLE_LIMIT : undefined,
    }),
    fanout: {
      ...fanout,
      publish(change) {
        fanout.publish(change);
        media.placeChanged(change);
      },
    },
    logger,
    metrics,
    nowMs: () => options.now().getTime(),
    reconnectGraceMs: options.reconnectGraceMs,
    onSeatFreed: (fairId, personId, tableId) => meetingUpdates.seatFreed(fairId, personId, tableId),
  });

  /** This node reloads at once and takes people off what was deleted; the others reload. */
  async function layoutChanged(fairId: string): Promise<void> {
    // A single node (no Redis) has no peers, and its in-memory adapter cannot emit to them.
    if (redis) io.serverSideEmit('layout.changed', fairId);
    await live.layoutChanged(fairId);
  }
  io.on('layout.changed', (fairId) => {
    live.layoutChanged(fairId, { evacuate: false }).catch((err: unknown) => {
      logger.warn({ err, fairId }, 'could not reload the rooms of a fair changed elsewhere');
    });
  });

  /** This node's part of an erasure: free the places, then close the connections. */
  async function evict(fairId: string, personIds: readonly string[] | null): Promise<void> {
    await live.evict(fairId, personIds);
    const rooms = personIds ? personIds.map(socketRooms.person) : [socketRooms.fair(fairId)];
    // Closed by the server, the clients try again and are refused: NOT_REGISTERED, or
    // UNAUTHENTICATED for a deleted account. Organisers of an erased fair get back in.
    if (rooms.length > 0) io.local.in(rooms).disconnectSockets(true);
  }
  io.on('people.erased', (fairId, personIds) => {
    evict(fairId, personIds).catch((err: unknown) => {
      logger.warn({ err, fairId }, 'could not end the connections of erased people');
    });
  });
  const sendAway = (fairId: string, status: FairStatus) => {
    const closed = sendAwayNotAdmitted(io.of('/').sockets.values(), fairId, status);
    if (closed > 0)
      logger.info({ fairId, status, closed }, 'closed connections the fair no longer admits');
  };
  io.on('fair.status', sendAway);
  const statusChanged = (fairId: string, status: FairStatus) => {
    // A single node (no Redis) has no peers, and its in-memory adapter cannot emit to them.
    if (redis) io.serverSideEmit('fair.status', fairId, status);
    sendAway(fairId, status);
  };

  const notify: PersonNotifier = (personId, event, ...args) => {
    io.to(socketRooms.person(personId)).emit(event, ...args);
  };
  const rounds = createRoundService({
    store: options.store,
    presence: options.presence,
    live,
    notify,
    logger,
    nowMs: () => options.now().getTime(),
    reconnectGraceMs: options.reconnectGraceMs,
  });
  const emit: LiveEmit = (rooms, name, payload) => {
    // Each live event takes its payload alone; TypeScript cannot follow that through the
    // generic name, the protocol's `liveEventSchemas` guarantees it.
    const args = [payload] as Parameters<ServerEvents[typeof name]>;
    io.to(rooms).emit(name, ...args);
  };
  const moderation = createModeration({
    store: options.store,
    live: {
      layout: (fairId) => live.layout(fairId),
      whereIs: (fairId, personId) => options.presence.whereIs(fairId, personId),
      moveOther: (fairId, person, to, moveOptions) =>
        live.moveOther(fairId, person, to, moveOptions),
      layoutChanged,
    },
    media: media.control,
    emit,
    now: options.now,
  });
  const agenda = createLiveAgenda({
    store: options.store,
    logger,
    nowMs: () => options.now().getTime(),
    local: {
      state(fairId, state) {
        io.local.to(socketRooms.fair(fairId)).emit('agenda.state', state);
      },
      cue(fairId, cue) {
        const room = cue.roomId ? socketRooms.room(cue.roomId) : socketRooms.fair(fairId);
        io.local.to(room).emit('agenda.cue', cue);
      },
    },
    tellPeers(fairId) {
      // A single node (no Redis) has no peers, and its in-memory adapter cannot emit to them.
      if (redis) io.serverSideEmit('agenda.changed', fairId);
    },
    onStatusChanged: statusChanged,
    onRoundStarted(fairId, itemId) {
      // Every node hears the start; the round service's claim makes one of them seat it.
      rounds.roundStarted(fairId, itemId).catch((err: unknown) => {
        logger.warn({ err, fairId, itemId }, 'could not seat a networking round');
      });
    },
  });
  io.on('agenda.changed', (fairId) => agenda.peerChanged(fairId));

  async function suggestionsFor(member: Member) {
    const [fair, registration] = await Promise.all([
      options.store.fairs.findById(member.fairId),
      options.store.registrations.findById(member.fairId, member.registrationId),
    ]);
    if (!fair || !registration) throw new RealtimeError('NOT_REGISTERED', 'Not registered');
    return options.meetings.suggestions(fair, registration, await live.roomStates(fair.id));
  }

  const featureDeps = { store: options.store, presence: options.presence, emit, now: options.now };

  io.use((socket, next) => {
    authenticate(socket.handshake, options).then(
      (member) => {
        socket.data.member = member;
        next();
      },
      (err: unknown) => {
        if (err instanceof ConnectionRefused) return next(err);
        logger.error({ err }, 'socket handshake failed');
        next(new Error('The server could not check your session'));
      },
    );
  });

  let shuttingDown = false;
  io.on('connection', (socket) => {
    const { member } = socket.data;
    const owner = `${nodeId}:${socket.id}`;
    metrics.socketConnections.inc();
    const personRoom = socketRooms.person(member.person.id);
    io.to(personRoom).except(socket.id).emit(ServerEvent.replaced);
    io.in(personRoom).except(socket.id).disconnectSockets(true);
    void socket.join([
      socketRooms.fair(member.fairId),
      personRoom,
      ...staffRooms(member.fairId, member.role, member.facilitatorRoomIds),
    ]);

    agenda.follow(member.fairId);
    const isOpen = () => socket.connected;
    const ready = live.connect(member, owner, isOpen).then((self) => {
      placeSocket(socket, member.fairId, self);
      socket.emit(ServerEvent.self, self);
    });
    ready.catch((err: unknown) => {
      logger.error({ err }, 'could not place a new connection');
      socket.disconnect(true);
    });

    const handlers: Handlers = {
      'presence.go': async ({ to }) => {
        const self = await live.go(member, owner, to, isOpen);
        // `live.go` leaves moving this connection's rooms to here (see `announce`).
        placeSocket(socket, member.fairId, self);
        return self;
      },
      'presence.snapshot': ({ scope }) => live.snapshot(member, scope),
      'presence.self': () => live.self(member),
      ...mediaHandlers(media, member, socket.id),
      ...moderationHandlers(moderation, member),
      'meetings.suggestions': () => suggestionsFor(member),
      ...chatHandlers(featureDeps, member),
      ...helpHandlers(featureDeps, member),
      ...agendaHandlers(agenda, options.store, member),
    };
    const nowMs = () => options.now().getTime();
    const limit = connectionLimiter(options.socketLimits, nowMs());
    dispatch(socket, handlers, { logger, metrics, ready, limit, nowMs });

    socket.on('disconnect', (reason) => {
      metrics.socketConnections.dec();
      agenda.unfollow(member.fairId);
      live.disconnected(member, owner, departureOf(reason, shuttingDown, socket.data.sentAway));
    });
  });

  const timers = [
    setInterval(
      () => {
        live.heartbeat().catch((err: unknown) => logger.warn({ err }, 'presence heartbeat failed'));
      },
      Math.max(250, Math.floor(options.presenceTtlMs / 3)),
    ),
    setInterval(
      () => {
        live.reap().catch((err: unknown) => logger.warn({ err }, 'presence reaping failed'));
      },
      Math.max(250, Math.floor(options.presenceTtlMs / 3)),
    ),
  ];

  return {
    /** Calls at tables and on the stage: moderation and LiveKit's webhook go through it. */
    media,
    /** Seating for networking rounds: the agenda calls `rounds.roundStarted` on every node. */
    rounds,
    /** Sends an event to one person's connections, on any node. */
    notify,

    layoutChanged(fairId: string): void {
      layoutChanged(fairId).catch((err: unknown) => {
        logger.warn({ err, fairId }, 'could not reload the rooms of a fair');
      });
    },

    /** Personal data was erased (`everyone` in the fair, or these people): on every node. */
    personalDataErased(fairId: string, personIds: readonly string[] | 'everyone'): void {
      const people = personIds === 'everyone' ? null : [...personIds];
      // A single node (no Redis) has no peers, and its in-memory adapter cannot emit to them.
      if (redis) io.serverSideEmit('people.erased', fairId, people);
      evict(fairId, people).catch((err: unknown) => {
        logger.warn({ err, fairId }, 'could not end the connections of erased people');
      });
    },

    /**
     * Stores the meeting updates of the seats freed so far (they are gathered for 100 ms), so a
     * test can read a store that no background write will change under it.
     */
    flushMeetingUpdates(): Promise<void> {
      return meetingUpdates.flush();
    },

    /** The fair's status changed: every node closes the connections it no longer admits. */
    statusChanged,

    /**
     * What this node keeps per connection, person and fair, counted: every number returns to
     * zero once everyone has gone for good (left, or dropped and past the reconnect grace), so a
     * test can show that churn leaves nothing behind without measuring memory.
     */
    retained() {
      const { sockets, adapter } = io.of('/');
      return {
        sockets: sockets.size,
        socketRooms: adapter.rooms.size,
        socketIds: adapter.sids.size,
        heldPlaces: live.heldCount(),
        followedFairs: agenda.followedCount(),
        meetingUpdates: meetingUpdates.busyFairs(),
      };
    },

    /** The fair's agenda was edited: every node's live agenda reloads it. */
    agendaChanged(fairId: string): void {
      agenda.changed(fairId);
    },

    /**
     * Drops the connections without telling the clients to stay away, so they reconnect (to
     * another node, or to this one once it is back).
     */
    async close(): Promise<void> {
      shuttingDown = true;
      for (const timer of timers) clearInterval(timer);
      // In memory, presence ends with this process; with Redis the places outlive it briefly so
      // that people reconnecting to another node keep their seats.
      if (!redis) {
        await live.leaveAll().catch((err: unknown) => {
          logger.error({ err }, 'could not free the places of this node');
        });
      }
      live.stop();
      agenda.stop();
      await meetingUpdates.flush();
      io.engine.close();
      await new Promise<void>((resolve) => {
        io.close(() => resolve());
      });
      stopTrimming?.();
      await adapterClient?.close().catch(() => undefined);
    },
  };
}

export type Realtime = Awaited<ReturnType<typeof attachRealtime>>;
