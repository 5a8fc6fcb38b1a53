import {
  clientEvents,
  connectRefusalSchema,
  mediaModerationSchema,
  mediaPeerEventSchema,
  mediaSignalDeliverySchema,
  type MediaModeration,
  type MediaPeerEvent,
  type MediaSignalDelivery,
  exchangeRequestSchema,
  isLiveEventName,
  liveEventSchemas,
  type LiveEvent,
  meetingsChangedSchema,
  presenceDiffSchema,
  selfSchema,
  ServerEvent,
  type ClientEventName,
  type ClientPayload,
  type ClientResult,
  type ConnectRefusal,
  type ExchangeRequest,
  type MeetingsChanged,
  type PresenceDiff,
  type Self,
} from '@kohtaamo/protocol';
import { failure, readAck, type CheckSchema, type RealtimeResult } from './result';
import type { OpenSocket, RealtimeSocket, SocketListeners } from './socket';

export type ConnectionStatus =
  | { kind: 'idle' }
  | { kind: 'connecting' }
  | { kind: 'connected' }
  /** The connection was lost and is being restored; what is shown may be out of date. */
  | { kind: 'reconnecting' }
  /** The server would not let this person in; retrying will not help. */
  | { kind: 'refused'; code: ConnectRefusal }
  /** Another tab or device opened the fair; this one stays closed until asked to take over. */
  | { kind: 'replaced' };

/** A media event from the server, checked against the protocol. */
export type MediaMessage =
  | { type: 'peer'; event: MediaPeerEvent }
  | { type: 'signal'; delivery: MediaSignalDelivery }
  | { type: 'moderation'; notice: MediaModeration };

/** News meant for this person alone: card exchanges and the people they met. */
export type PersonalEvent =
  | { kind: 'contactRequest' | 'contactAnswered' | 'contactWithdrawn'; request: ExchangeRequest }
  | { kind: 'meetingsChanged'; change: MeetingsChanged };

const exchangeEventKinds = {
  [ServerEvent.contactRequest]: 'contactRequest',
  [ServerEvent.contactAnswered]: 'contactAnswered',
  [ServerEvent.contactWithdrawn]: 'contactWithdrawn',
} as const;

/** Where the client reports what happens; the live session turns these into store actions. */
export interface RealtimeHandlers {
  status(status: ConnectionStatus): void;
  diff(diff: PresenceDiff): void;
  self(self: Self): void;
  media(message: MediaMessage): void;
  personal(event: PersonalEvent): void;
  /** A live feature's event (agenda, moderation, chat…), its payload checked. */
  live(event: LiveEvent): void;
}

export interface RealtimeClient {
  /** Opens the fair's socket, closing any other first. */
  connect(fairId: string): void;
  disconnect(): void;
  /** Sends a client event; the payload is checked before sending and the result on arrival. */
  request<E extends ClientEventName>(
    event: E,
    payload: ClientPayload<E>,
  ): Promise<RealtimeResult<ClientResult<E>>>;
  status(): ConnectionStatus;
}

export interface RealtimeOptions {
  ackTimeoutMs?: number;
  retryDelayMs?: number;
}

/** Long enough for a slow mobile connection, short enough that nobody waits on a dead one. */
export const ACK_TIMEOUT_MS = 8_000;
/**
 * Socket.IO retries network failures itself, but not a connection the server closed or refused
 * without a reason we know (a restarting node, a store hiccup); we try again after this pause.
 */
export const RETRY_DELAY_MS = 3_000;

/**
 * The protocol's events seen through one mapped type, so that `resultSchemas[event]` keeps the
 * link between an event's name and its result type inside generic code.
 */
const resultSchemas: { [E in ClientEventName]: { result: CheckSchema<ClientResult<E>> } } =
  clientEvents;

export function createRealtimeClient(
  openSocket: OpenSocket,
  handlers: RealtimeHandlers,
  options: RealtimeOptions = {},
): RealtimeClient {
  const ackTimeoutMs = options.ackTimeoutMs ?? ACK_TIMEOUT_MS;
  const retryDelayMs = options.retryDelayMs ?? RETRY_DELAY_MS;
  let socket: RealtimeSocket | null = null;
  let status: ConnectionStatus = { kind: 'idle' };
  let everConnected = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const setStatus = (next: ConnectionStatus) => {
    status = next;
    handlers.status(next);
  };
  const waitForConnection = () =>
    setStatus({ kind: everConnected ? 'reconnecting' : 'connecting' });

  const closeSocket = () => {
    clearTimeout(retryTimer);
    socket?.close();
    socket = null;
  };

  const retryLater = (owner: RealtimeSocket) => {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => {
      if (socket === owner) owner.connect();
    }, retryDelayMs);
  };

  const serverEvent = (name: string, payload: unknown) => {
    switch (name) {
      case ServerEvent.diff: {
        const diff = presenceDiffSchema.safeParse(payload);
        // A malformed diff is dropped; the next one then shows a gap and a snapshot heals it.
        if (diff.success) handlers.diff(diff.data);
        return;
      }
      case ServerEvent.self: {
        const self = selfSchema.safeParse(payload);
        if (self.success) handlers.self(self.data);
        return;
      }
      case ServerEvent.peer: {
        const event = mediaPeerEventSchema.safeParse(payload);
        if (event.success) handlers.media({ type: 'peer', event: event.data });
        return;
      }
      case ServerEvent.signal: {
        const delivery = mediaSignalDeliverySchema.safeParse(payload);
        if (delivery.success) handlers.media({ type: 'signal', delivery: delivery.data });
        return;
      }
      case ServerEvent.moderation: {
        const notice = mediaModerationSchema.safeParse(payload);
        if (notice.success) handlers.media({ type: 'moderation', notice: notice.data });
        return;
      }
      case ServerEvent.contactRequest:
      case ServerEvent.contactAnswered:
      case ServerEvent.contactWithdrawn: {
        const request = exchangeRequestSchema.safeParse(payload);
        if (request.success)
          handlers.personal({ kind: exchangeEventKinds[name], request: request.data });
        return;
      }
      case ServerEvent.meetingsChanged: {
        const change = meetingsChangedSchema.safeParse(payload);
        if (change.success) handlers.personal({ kind: 'meetingsChanged', change: change.data });
        return;
      }
      case ServerEvent.replaced:
        // The server closes this socket; reconnecting by ourselves would take the fair back
        // from the other tab, which would then take it back again.
        closeSocket();
        setStatus({ kind: 'replaced' });
        return;
      default: {
        // Events from a newer server are ignored rather than breaking an open page.
        if (!isLiveEventName(name)) return;
        const checked = liveEventSchemas[name].safeParse(payload);
        if (checked.success) handlers.live({ name, payload: checked.data } as LiveEvent);
      }
    }
  };

  /** Listeners for one socket; once another socket has replaced it, it is not heard any more. */
  const listenersOf = (owner: () => RealtimeSocket): SocketListeners => {
    const isCurrent = () => owner() === socket;
    return {
      connected: () => {
        if (!isCurrent()) return;
        everConnected = true;
        clearTimeout(retryTimer);
        setStatus({ kind: 'connected' });
      },
      disconnected: (_reason, willRetry) => {
        if (!isCurrent()) return;
        waitForConnection();
        if (!willRetry) retryLater(owner());
      },
      connectFailed: (data, willRetry) => {
        if (!isCurrent()) return;
        const refusal = connectRefusalSchema.safeParse(data);
        if (refusal.success) {
          closeSocket();
          setStatus({ kind: 'refused', code: refusal.data.code });
          return;
        }
        waitForConnection();
        if (!willRetry) retryLater(owner());
      },
      serverEvent: (name, payload) => {
        if (isCurrent()) serverEvent(name, payload);
      },
    };
  };

  return {
    connect(fairId) {
      closeSocket();
      everConnected = false;
      // The listeners only run once the socket exists, so they can refer to it.
      const opened: RealtimeSocket = openSocket(
        fairId,
        listenersOf(() => opened),
      );
      socket = opened;
      setStatus({ kind: 'connecting' });
      opened.connect();
    },

    disconnect() {
      closeSocket();
      setStatus({ kind: 'idle' });
    },

    async request(event, payload) {
      const checked = clientEvents[event].payload.safeParse(payload);
      if (!checked.success) return failure('INVALID', `Invalid payload for ${event}`);
      const current = socket;
      if (!current?.connected) return failure('OFFLINE', 'Not connected');
      let raw: unknown;
      try {
        raw = await current.emitWithAck(event, checked.data, ackTimeoutMs);
      } catch {
        // Socket.IO rejects both when the time runs out and when the connection drops first.
        return current.connected
          ? failure('TIMEOUT', `No answer to ${event} in time`)
          : failure('OFFLINE', 'The connection was lost');
      }
      return readAck(resultSchemas[event].result, raw);
    },

    status: () => status,
  };
}
