import {
  ackErrorSchema,
  apiRoutes,
  buildPath,
  type ClientEventName,
  clientEvents,
  CONNECT_REFUSALS,
  handshakeAuthSchema,
  PROTOCOL_VERSION,
} from '@kohtaamo/protocol';
import fc from 'fast-check';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectPerson, type LiveClient, openSocket } from './live-harness';
import { fuzzSeed, hostileValue, prototypeIsClean } from './fuzz-values';
import { useHostileWorld } from './hostile-world';

/** 200 batches of 50: ten thousand events, sent 50 at a time across the connections. */
const BATCHES = Number(process.env.KOHTAAMO_FUZZ_BATCHES ?? 200);
const EVENTS_PER_BATCH = 50;
/** An acknowledgement slower than this under fuzzing counts as never coming. */
const ACK_TIMEOUT_MS = 10_000;
/** Socket.IO drops a connection whose frame is over 64 kB; stay under it with headroom. */
const MAX_FRAME_BYTES = 60 * 1024;
const MAX_VALUE_BYTES = 48 * 1024;
/** Names socket.io-client refuses to send; the server's parser refuses them too. */
const RESERVED = new Set([
  'connect',
  'connect_error',
  'disconnect',
  'disconnecting',
  'newListener',
  'removeListener',
]);

const knownEvents = Object.keys(clientEvents) as ClientEventName[];

interface FuzzEvent {
  sender: number;
  name: string;
  args: unknown[];
  withAck: boolean;
}

function hasBinary(value: unknown): boolean {
  if (Buffer.isBuffer(value)) return true;
  if (Array.isArray(value)) return value.some(hasBinary);
  return typeof value === 'object' && value !== null && Object.values(value).some(hasBinary);
}

/**
 * What the server receives: JSON turns non-finite numbers into null, and a packet with binary
 * in it is copied key by key by socket.io-client before it is sent, where assigning an own
 * `__proto__` key sets the copy's prototype instead, so that key never arrives.
 */
function asReceived(value: unknown, binary: boolean): unknown {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (Buffer.isBuffer(value) || typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((inner) => asReceived(inner, binary));
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !binary || key !== '__proto__')
      .map(([key, inner]) => [key, asReceived(inner, binary)]),
  );
}

/** Several big arguments together can pass the frame limit, which drops the whole connection. */
function fitsInAFrame(args: unknown[]): boolean {
  return Buffer.byteLength(JSON.stringify(args)) < MAX_FRAME_BYTES;
}

/** Whether the server would run the event: its payload (the first argument) passes the schema. */
function wouldRun({ name, args, withAck }: FuzzEvent): boolean {
  if (!withAck || !Object.hasOwn(clientEvents, name)) return false;
  const sent = asReceived(args, hasBinary(args)) as unknown[];
  const payload = sent.length > 0 ? sent[0] : undefined;
  return clientEvents[name as ClientEventName].payload.safeParse(payload ?? {}).success;
}

function schemaKeys(name: ClientEventName): string[] {
  const schema: unknown = clientEvents[name].payload;
  const shape = typeof schema === 'object' && schema !== null ? Reflect.get(schema, 'shape') : {};
  return typeof shape === 'object' && shape !== null ? Object.keys(shape) : [];
}

function fuzzEvent(senders: number, ids: readonly string[]) {
  const value = hostileValue({ ids, maxBytes: MAX_VALUE_BYTES });
  const binary = fc
    .uint8Array({ maxLength: 2048 })
    .map((bytes) => Buffer.from(bytes))
    .chain((buffer) => fc.constantFrom<unknown>(buffer, { payload: buffer }, [buffer, buffer]));
  /** A known event's keys with wrong values, some missing, some extra. */
  const misshapen = (name: ClientEventName) =>
    fc
      .tuple(
        fc.subarray(schemaKeys(name)),
        fc.array(value, { minLength: 4, maxLength: 4 }),
        fc.dictionary(fc.string({ maxLength: 12 }), value, { maxKeys: 2 }),
      )
      .map(([keys, values, extra]) => ({
        ...extra,
        ...Object.fromEntries(keys.map((key, i) => [key, values[i % values.length]])),
      }));
  const name = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...knownEvents) },
    {
      weight: 1,
      arbitrary: fc.oneof(
        fc.string({ maxLength: 40 }),
        fc.constantFrom('__proto__', 'constructor', 'toString', 'error', 'presence', ''),
        fc.constantFrom(...knownEvents).map((known) => `${known} `),
      ),
    },
  );
  return fc
    .record({
      sender: fc.nat({ max: senders - 1 }),
      name: name.filter((candidate) => !RESERVED.has(candidate)),
      // Most events expect an answer; a fifth do not, which must not crash anything either.
      withAck: fc.nat({ max: 4 }).map((n) => n > 0),
    })
    .chain(({ sender, name: eventName, withAck }) => {
      const payload = Object.hasOwn(clientEvents, eventName)
        ? fc.oneof(value, binary, misshapen(eventName as ClientEventName))
        : fc.oneof(value, binary);
      return fc
        .oneof(
          { weight: 6, arbitrary: payload.map((one) => [one]) },
          { weight: 1, arbitrary: fc.constant<unknown[]>([]) },
          { weight: 1, arbitrary: fc.array(payload, { minLength: 2, maxLength: 3 }) },
        )
        .map((args): FuzzEvent => ({ sender, name: eventName, args, withAck }));
    })
    .filter((event) => !wouldRun(event) && fitsInAFrame(event.args));
}

describe('hostile socket events', () => {
  const world = useHostileWorld();
  const clients: LiveClient[] = [];

  beforeAll(async () => {
    const { people } = world;
    const inFair = [people.organiser, people.facilitator, people['facilitator of another room']];
    for (const person of [...inFair, people.speaker, people.participant, world.target]) {
      clients.push(await connectPerson(world.node.url, person, world.fairId));
    }
    const other = people['participant of another fair'];
    clients.push(await connectPerson(world.node.url, other, world.otherFairId));
    // Places and records worth protecting: people seated, standing and on the stage, a chat
    // message and a raised hand.
    const [, facilitator, , speaker, participant, target] = clients as LiveClient[] & {
      length: 7;
    };
    await participant?.ok('presence.go', { to: { kind: 'table', tableId: world.tableA1 } });
    await target?.ok('presence.go', { to: { kind: 'table', tableId: world.tableA1 } });
    await facilitator?.ok('presence.go', { to: { kind: 'room', roomId: world.roomA } });
    await speaker?.ok('presence.go', { to: { kind: 'stage' } });
    await participant?.ok('chat.send', {
      channel: { kind: 'table', tableId: world.tableA1 },
      text: 'Hei kaikki',
    });
    await target?.ok('help.raise', { note: 'Ääni ei kuulu' });
  });

  afterAll(() => {
    for (const client of clients) client.close();
  });

  it('answers every malformed event with a typed error and changes nothing', async ({
    annotate,
  }) => {
    const seed = fuzzSeed();
    await annotate(`fast-check seed ${seed} (KOHTAAMO_FUZZ_SEED changes it)`);
    const before = await world.state();
    // The snapshot sees what the fuzzing must leave alone.
    expect(before.rows.chat_messages).toHaveLength(1);
    expect(before.rows.help_requests).toHaveLength(1);
    expect(before.rows.seat_intervals).toHaveLength(2);
    let sent = 0;
    let acknowledged = 0;

    await fc.assert(
      fc.asyncProperty(
        fc.array(fuzzEvent(clients.length, world.ids), {
          minLength: EVENTS_PER_BATCH,
          maxLength: EVENTS_PER_BATCH,
        }),
        async (events) => {
          const acks = events.map(async ({ sender, name, args, withAck }) => {
            const { socket } = clients[sender] as LiveClient;
            sent += 1;
            if (!withAck) {
              socket.emit(name, ...args);
              return;
            }
            const ack: unknown = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(name, ...args);
            acknowledged += 1;
            const parsed = ackErrorSchema.safeParse(ack);
            expect(parsed.success, `${name} answered ${JSON.stringify(ack)?.slice(0, 200)}`).toBe(
              true,
            );
          });
          await Promise.all(acks);
          expect(clients.every((client) => client.socket.connected)).toBe(true);
        },
      ),
      // Shrinking a batch replays it over the network hundreds of times; the seed and the path
      // fast-check prints reproduce the failing batch as it was.
      { seed, numRuns: BATCHES, endOnFailure: true },
    );

    await annotate(`${sent} events sent, ${acknowledged} of them answered with an error`);
    expect(sent).toBeGreaterThanOrEqual(BATCHES * EVENTS_PER_BATCH);
    expect(prototypeIsClean()).toBe(true);
    // Still serving: a valid event and a REST read are answered as usual.
    const participant = clients[4] as LiveClient;
    expect(await participant.ok('presence.self', {})).toMatchObject({
      location: { kind: 'table', tableId: world.tableA1 },
    });
    await request(world.node.url)
      .get(buildPath(apiRoutes.fair, { fairId: world.fairId }))
      .set('Cookie', world.people.participant.cookie)
      .expect(200);
    expect(await world.state()).toEqual(before);
  }, 120_000);

  it('refuses random handshakes with a typed reason, changing nothing', async () => {
    const before = await world.state();
    const cookies = [undefined, world.people.participant.cookie, 'kh_session=s%3Aforged.sig'];
    const auth = fc.oneof(
      hostileValue({ ids: world.ids, maxBytes: 8 * 1024 }),
      fc.record({
        fairId: fc.oneof(fc.constantFrom(...world.ids), fc.string()),
        protocol: fc.oneof(fc.constant(PROTOCOL_VERSION), fc.integer(), fc.string()),
      }),
    );
    /** The participant's own cookie naming their fair is a real sign-in, not hostile input. */
    const signsIn = (cookie: string | undefined, value: unknown) => {
      const parsed = handshakeAuthSchema.safeParse(value);
      return (
        cookie === world.people.participant.cookie &&
        parsed.success &&
        parsed.data.fairId === world.fairId &&
        parsed.data.protocol === PROTOCOL_VERSION
      );
    };
    const refusals: unknown[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc
          .tuple(fc.constantFrom(...cookies), auth)
          .filter(([cookie, value]) => !signsIn(cookie, value)),
        async ([cookie, value]) => {
          const socket = openSocket(world.node.url, cookie, value);
          try {
            refusals.push(
              await new Promise<unknown>((resolve, reject) => {
                socket.once('connect_error', (err: Error & { data?: unknown }) =>
                  resolve(err.data),
                );
                socket.once('connect', () => reject(new Error('a hostile handshake got in')));
                // Socket.IO's parser closes the connection itself when `auth` is not an object.
                socket.once('disconnect', () => resolve({ dropped: value }));
              }),
            );
          } finally {
            socket.disconnect();
          }
        },
      ),
      { seed: fuzzSeed(), numRuns: 150, endOnFailure: true },
    );
    for (const refusal of refusals) {
      if (typeof refusal === 'object' && refusal !== null && 'dropped' in refusal) {
        const { dropped } = refusal;
        expect(typeof dropped === 'object' && dropped !== null && !Array.isArray(dropped)).toBe(
          false,
        );
      } else {
        expect(CONNECT_REFUSALS).toContain((refusal as { code?: string } | undefined)?.code);
      }
    }
    expect(await world.state()).toEqual(before);
  }, 60_000);

  it('drops only the connection that sends a frame over the limit', async () => {
    const before = await world.state();
    // The stranger from the other fair is the one who sends it.
    const loud = (clients[6] as LiveClient).socket;
    const dropped = new Promise((resolve) => loud.once('disconnect', resolve));
    loud.emit('presence.go', { to: { kind: 'lobby' }, padding: 'x'.repeat(70 * 1024) });
    await dropped;
    const organiser = clients[0] as LiveClient;
    expect(organiser.socket.connected).toBe(true);
    expect(await organiser.ok('presence.self', {})).toMatchObject({ location: { kind: 'lobby' } });
    expect(await world.state()).toEqual(before);
  });
});
