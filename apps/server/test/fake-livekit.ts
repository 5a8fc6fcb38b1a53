import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LivekitConfig } from '../src/config';

/** Dev keys of the kind `livekit-server --dev` uses; the secret is long enough for our config. */
export const LIVEKIT_KEYS = {
  apiKey: 'devkey',
  apiSecret: 'kohtaamo-test-livekit-secret-0123456789',
} as const;

export interface TwirpCall {
  /** e.g. `/twirp/livekit.RoomService/RemoveParticipant` */
  path: string;
  body: Record<string, unknown>;
  authorization: string | undefined;
}

/** What the fake answers to one call: a status and a JSON body. */
export type TwirpReply = (call: TwirpCall) => { status: number; body: unknown };

/**
 * Stands in for LiveKit's server API (Twirp over HTTP with JSON), which cannot be installed
 * here: it records every call and answers with what the test says.
 */
export async function startFakeLivekit(reply: TwirpReply = () => ({ status: 200, body: {} })) {
  const calls: TwirpCall[] = [];
  let answer = reply;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const call: TwirpCall = {
        path: req.url ?? '',
        body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
        authorization: req.headers.authorization,
      };
      calls.push(call);
      const { status, body } = answer(call);
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `ws://127.0.0.1:${port}`;
  const config: LivekitConfig = { url, apiUrl: url, ...LIVEKIT_KEYS };
  return {
    config,
    calls,
    answerWith(next: TwirpReply) {
      answer = next;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type FakeLivekit = Awaited<ReturnType<typeof startFakeLivekit>>;

export const twirpNotFound = {
  status: 404,
  body: { code: 'not_found', msg: 'participant not found' },
};
