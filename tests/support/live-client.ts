import {
  type Ack,
  type ClientEventName,
  type ClientPayload,
  type ClientResult,
  type PresenceDiff,
  PROTOCOL_VERSION,
  type Self,
  ServerEvent,
} from '@kohtaamo/protocol';
import { io, type Socket } from 'socket.io-client';

/** What a client needs to connect as a signed-in person. */
export interface SignedIn {
  /** The Cookie header of a signed-in browser. */
  cookie: string;
}

/** A socket.io-client connection as the web app makes it, recording what the server sends. */
export class LiveClient {
  readonly diffs: PresenceDiff[] = [];
  readonly selves: Self[] = [];
  replaced = false;

  constructor(readonly socket: Socket) {
    socket.on(ServerEvent.diff, (diff: PresenceDiff) => this.diffs.push(diff));
    socket.on(ServerEvent.self, (self: Self) => this.selves.push(self));
    socket.on(ServerEvent.replaced, () => (this.replaced = true));
  }

  request<E extends ClientEventName>(
    event: E,
    payload: ClientPayload<E>,
  ): Promise<Ack<ClientResult<E>>> {
    return this.socket.timeout(10_000).emitWithAck(event, payload) as Promise<Ack<ClientResult<E>>>;
  }

  /** Resolves with the data of a successful acknowledgement; throws on a refusal. */
  async ok<E extends ClientEventName>(
    event: E,
    payload: ClientPayload<E>,
  ): Promise<ClientResult<E>> {
    const ack = await this.request(event, payload);
    if (!ack.ok) throw new Error(`${event} was refused: ${ack.error.code} ${ack.error.message}`);
    return ack.data;
  }

  close(): void {
    this.socket.disconnect();
  }
}

export function openSocket(
  url: string,
  cookie: string | undefined,
  auth: unknown,
  headers: Record<string, string> = {},
): Socket {
  return io(url, {
    path: '/socket.io',
    transports: ['websocket'],
    auth: auth as Record<string, unknown>,
    extraHeaders: { ...(cookie ? { cookie } : {}), ...headers },
    reconnection: false,
    forceNew: true,
  });
}

/** Connects and waits until the server has placed the person (its first `presence.self`). */
export async function connectPerson(
  url: string,
  person: SignedIn,
  fairId: string,
): Promise<LiveClient> {
  const client = new LiveClient(
    openSocket(url, person.cookie, { fairId, protocol: PROTOCOL_VERSION }),
  );
  await new Promise<void>((resolve, reject) => {
    client.socket.once(ServerEvent.self, () => resolve());
    client.socket.once('connect_error', reject);
  });
  return client;
}

/** Polls until the check passes, or fails with its last error after the timeout. */
export async function eventually(check: () => void | Promise<void>, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}
