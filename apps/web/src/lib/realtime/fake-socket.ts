/**
 * A socket for tests: records what the client sends, answers from a table of handlers and
 * lets the test play the server (open, drop, refuse, push events).
 */
import type { OpenSocket, RealtimeSocket, SocketListeners } from './socket';

type Answer = (payload: unknown) => unknown;

export class FakeSocket implements RealtimeSocket {
  connected = false;
  connectCalls = 0;
  closed = false;
  readonly sent: { event: string; payload: unknown }[] = [];
  private readonly answers = new Map<string, Answer>();

  constructor(
    readonly fairId: string,
    private readonly listeners: SocketListeners,
  ) {}

  connect(): void {
    this.connectCalls += 1;
  }

  close(): void {
    this.closed = true;
    this.connected = false;
  }

  /** Unanswered events time out, as Socket.IO's do. */
  emitWithAck(event: string, payload: unknown, timeoutMs: number): Promise<unknown> {
    this.sent.push({ event, payload });
    const answer = this.answers.get(event);
    if (answer) return Promise.resolve(answer(payload));
    return new Promise((_resolve, reject) => {
      setTimeout(() => reject(new Error('operation has timed out')), timeoutMs);
    });
  }

  /** How the server acknowledges `event` from now on. */
  answer(event: string, answer: Answer): this {
    this.answers.set(event, answer);
    return this;
  }

  sentEvents(event: string): unknown[] {
    return this.sent.filter((sent) => sent.event === event).map((sent) => sent.payload);
  }

  open(): void {
    this.connected = true;
    this.listeners.connected();
  }

  drop(reason = 'transport close', willRetry = true): void {
    this.connected = false;
    this.listeners.disconnected(reason, willRetry);
  }

  refuse(data: unknown, willRetry = false): void {
    this.listeners.connectFailed(data, willRetry);
  }

  push(name: string, payload?: unknown): void {
    this.listeners.serverEvent(name, payload);
  }
}

/** An `OpenSocket` that keeps every socket it made. */
export function fakeSockets() {
  const sockets: FakeSocket[] = [];
  const open: OpenSocket = (fairId, listeners) => {
    const socket = new FakeSocket(fairId, listeners);
    sockets.push(socket);
    return socket;
  };
  const latest = (): FakeSocket => {
    const socket = sockets.at(-1);
    if (!socket) throw new Error('No socket has been opened');
    return socket;
  };
  return { sockets, open, latest };
}
