import { type ChatMessage, PROTOCOL_VERSION } from '@kohtaamo/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import type { SocketLimits } from '../src/config-limits';
import {
  connectPerson,
  createPerson,
  eventually,
  type LiveClient,
  openSocket,
  type TestPerson,
  useLiveFair,
} from './live-harness';
import { presenceBackends } from './presence-backends';

const [memory] = presenceBackends;
if (!memory) throw new Error('memory presence is always available');

const MINUTE_MS = 60_000;
/** Small enough to reach in a test; the same shape as the production defaults. */
const tightLimits: SocketLimits = {
  events: { limit: 6, windowMs: MINUTE_MS },
  chat: { limit: 2, windowMs: MINUTE_MS },
  broadcast: { limit: 1, windowMs: MINUTE_MS },
  hand: { limit: 1, windowMs: MINUTE_MS },
};

const rateLimited = {
  ok: false,
  error: { code: 'RATE_LIMITED', message: expect.stringMatching(/try again in \d+ s/) },
};

describe('rate limits on socket events, per connection', () => {
  const live = useLiveFair(memory, { socketLimits: tightLimits });
  const clients: LiveClient[] = [];
  afterEach(() => {
    for (const client of clients.splice(0)) client.close();
  });

  async function join(person: TestPerson): Promise<LiveClient> {
    const client = await connectPerson(live.node.url, person, live.fairId);
    clients.push(client);
    return client;
  }

  const person = (name: string, options?: Parameters<typeof createPerson>[3]) =>
    createPerson(live.store, live.fairId, name, options);
  const toRoom = () => ({ to: { kind: 'room', roomId: live.roomId } }) as const;

  it('refuses events past the burst with RATE_LIMITED, changing nothing, and serves others', async () => {
    const tuuli = await person('Tuuli Tulva');
    const flooder = await join(tuuli);
    const neighbour = await join(await person('Nelli Naapuri'));
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => flooder.request('presence.self', {})),
    );
    expect(answers.every((answer) => answer.ok)).toBe(true);

    const seat = { to: { kind: 'table', tableId: live.table(0) } } as const;
    expect(await flooder.request('presence.go', seat)).toEqual(rateLimited);
    expect(await flooder.request('presence.self', {})).toEqual(rateLimited);
    expect(await neighbour.ok('presence.self', {})).toEqual({
      location: { kind: 'lobby' },
      scope: 'lobby',
    });
    const where = await live.presence.whereIs(live.fairId, tuuli.registrationId);
    expect(where?.location).toEqual({ kind: 'lobby' });
  });

  it('gives a reconnecting client a full allowance, so reconnecting after a failure works', async () => {
    const traveller = await person('Rami Reissaaja');
    const first = await join(traveller);
    for (let i = 0; i < 6; i += 1) await first.ok('presence.self', {});
    expect(await first.request('presence.self', {})).toEqual(rateLimited);
    first.close();

    const again = await join(traveller);
    expect(await again.ok('presence.go', toRoom())).toMatchObject({
      location: { kind: 'room', roomId: live.roomId },
    });
  });

  it('holds chat to its own tighter limit: the refused message reaches nobody', async () => {
    const chatter = await join(await person('Kalle Kirjoittaja'));
    const reader = await join(await person('Liisa Lukija'));
    const received: ChatMessage[] = [];
    reader.socket.on('chat.message', (message: ChatMessage) => received.push(message));
    await chatter.ok('presence.go', toRoom());
    await reader.ok('presence.go', toRoom());
    const channel = { kind: 'room', roomId: live.roomId } as const;

    await chatter.ok('chat.send', { channel, text: 'Hei kaikki' });
    await chatter.ok('chat.send', { channel, text: 'Onko täällä asumisen väkeä?' });
    expect(await chatter.request('chat.send', { channel, text: 'Haloo?' })).toEqual(rateLimited);
    // Other events of the same connection still pass: only the chat bucket is empty.
    expect((await chatter.request('presence.self', {})).ok).toBe(true);

    const history = await reader.ok('chat.history', { channel });
    expect(history.messages.map((message) => message.text)).toEqual([
      'Hei kaikki',
      'Onko täällä asumisen väkeä?',
    ]);
    await eventually(() => expect(received).toHaveLength(2));
  });

  it('limits raised hands and broadcasts on their own buckets', async () => {
    const asker = await join(await person('Heikki Hätä'));
    await asker.ok('presence.go', toRoom());
    await asker.ok('help.raise', { note: 'Miten pääsen pöytään?' });
    expect(await asker.request('help.raise', { note: 'Haloo?' })).toEqual(rateLimited);

    const organiser = await join(await person('Olga Järjestäjä', { role: 'organiser' }));
    const audience = { kind: 'fair' } as const;
    await organiser.ok('moderation.broadcast', { audience, text: 'Tauko alkaa nyt' });
    expect(await organiser.request('moderation.broadcast', { audience, text: 'Toistan' })).toEqual(
      rateLimited,
    );
  });
});

describe('hostile frames and handshakes', () => {
  const live = useLiveFair(memory);
  const clients: LiveClient[] = [];
  afterEach(() => {
    for (const client of clients.splice(0)) client.close();
  });

  function connectFrom(person: TestPerson, origin: string | undefined) {
    const socket = openSocket(
      live.node.url,
      undefined,
      { fairId: live.fairId, protocol: PROTOCOL_VERSION },
      { cookie: person.cookie, ...(origin ? { origin } : {}) },
    );
    return new Promise<'connected' | 'refused'>((resolve) => {
      socket.once('connect', () => resolve('connected'));
      socket.once('connect_error', () => resolve('refused'));
    }).finally(() => socket.disconnect());
  }

  it('closes a connection that sends a frame over 64 kB, and keeps serving', async () => {
    const person = await createPerson(live.store, live.fairId, 'Iso Ilkka');
    const client = await connectPerson(live.node.url, person, live.fairId);
    clients.push(client);
    const closed = new Promise<string>((resolve) => client.socket.once('disconnect', resolve));
    client.socket.emit('chat.send', { text: 'x'.repeat(100 * 1024) }, () => undefined);
    expect(await closed).toBe('transport close');

    const again = await connectPerson(live.node.url, person, live.fairId);
    clients.push(again);
    expect(await again.ok('presence.self', {})).toEqual({
      location: { kind: 'lobby' },
      scope: 'lobby',
    });
  });

  it('accepts handshakes from the app’s origin and from clients without one, not other sites', async () => {
    const person = await createPerson(live.store, live.fairId, 'Oona Origin');
    expect(await connectFrom(person, 'https://evil.example')).toBe('refused');
    expect(await connectFrom(person, 'null')).toBe('refused');
    expect(await connectFrom(person, 'http://kohtaamo.test')).toBe('connected');
    expect(await connectFrom(person, live.node.url)).toBe('connected');
    expect(await connectFrom(person, undefined)).toBe('connected');
  });
});
