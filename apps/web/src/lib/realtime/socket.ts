/**
 * The little the realtime client needs from a socket. `socket-io.ts` adapts Socket.IO to it;
 * tests drive the client with a fake, so nothing above this line knows which library is used.
 */

/** What the socket tells the client. `willRetry` is true when the library reconnects by itself. */
export interface SocketListeners {
  connected(): void;
  disconnected(reason: string, willRetry: boolean): void;
  /** The connection attempt failed; `data` is what the server attached to the refusal, if any. */
  connectFailed(data: unknown, willRetry: boolean): void;
  /** Any event the server sent, not yet checked. */
  serverEvent(name: string, payload: unknown): void;
}

export interface RealtimeSocket {
  readonly connected: boolean;
  connect(): void;
  /** Closes for good: no automatic reconnection afterwards. */
  close(): void;
  /** Sends an event and resolves to the server's acknowledgement; rejects after `timeoutMs`. */
  emitWithAck(event: string, payload: unknown, timeoutMs: number): Promise<unknown>;
}

/** Creates a socket for one fair without connecting it yet. */
export type OpenSocket = (fairId: string, listeners: SocketListeners) => RealtimeSocket;
