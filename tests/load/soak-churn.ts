/**
 * The soak's people: socket.io-client connections in this thread, each wandering the fair as
 * `behaviour.ts` says (lobby, themes, tables), and now and then leaving and coming back (to any
 * node), or losing the network and reconnecting to another node, which adopts their place.
 */
import { type Ack, type Destination, type Self, ServerEvent } from '@kohtaamo/protocol';
import type { Socket } from 'socket.io-client';
import { seededRandom } from '../support/seeded-random';
import { arrivalSpot, nextSpot, roomSpot, type Spot, tableSpot } from './behaviour';
import type { LoadFair, LoadParticipant } from './fair-shape';
import { connectAs } from './stage-crowd';

const ACK_TIMEOUT_MS = 30_000;

export interface ChurnOptions {
  urls: string[];
  fair: LoadFair;
  participants: LoadParticipant[];
  /** A person thinks between this and twice this before each move. */
  thinkMs: number;
  /** Chance per move that the person leaves and comes back, or loses the network instead. */
  reconnectChance: number;
  seed: number;
}

/** What the churn did, by outcome. */
export interface ChurnCounts {
  moves: Record<string, number>;
  /** Left on purpose (`socket.disconnect()`) and connected again. */
  rejoins: number;
  /** Lost the connection (closed under Socket.IO) and connected to another node. */
  drops: number;
  connectFailures: number;
}

interface Person {
  index: number;
  /** The person's last steps, to explain anything the checks afterwards find of theirs. */
  steps: string[];
  participant: LoadParticipant;
  socket: Socket | undefined;
  spot: Spot;
  random: () => number;
}

export interface Churn {
  counts: ChurnCounts;
  /** The last steps of the person with this registration id. */
  stepsOf(registrationId: string): string[];
  connected(): number;
  /** Stops choosing; resolves once every person's current step has finished. */
  stop(): Promise<void>;
  /** Everyone leaves on purpose, as closing the tab does. */
  disconnectAll(): void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startChurn(options: ChurnOptions): Promise<Churn> {
  const { fair, urls } = options;
  const tableIds = fair.tableIds.flat();
  const counts: ChurnCounts = { moves: {}, rejoins: 0, drops: 0, connectFailures: 0 };
  let running = true;

  const destinationOf = (spot: Spot): Destination => {
    if (spot.kind === 'table') return { kind: 'table', tableId: tableIds[spot.table] ?? '' };
    if (spot.kind === 'room') return { kind: 'room', roomId: fair.roomIds[spot.room] ?? '' };
    return { kind: spot.kind };
  };
  const STEPS_KEPT = 12;
  const step = (person: Person, text: string) => {
    person.steps.push(`${new Date().toISOString().slice(11, 23)} ${text}`);
    if (person.steps.length > STEPS_KEPT) person.steps.shift();
  };
  const spotOf = (self: Self): Spot => {
    const { location } = self;
    if (location.kind === 'table') return tableSpot(tableIds.indexOf(location.tableId));
    if (location.kind === 'room') return roomSpot(fair.roomIds.indexOf(location.roomId));
    return { kind: location.kind, room: -1, table: -1 };
  };

  async function connect(person: Person, url: string): Promise<void> {
    try {
      const socket = await connectAs(url, person.participant.cookie, fair.fairId);
      socket.on(ServerEvent.self, (self: Self) => (person.spot = spotOf(self)));
      socket.on('disconnect', (reason) => step(person, `disconnected: ${reason}`));
      person.socket = socket;
      step(person, `connected to ${url}`);
    } catch (err) {
      step(person, `could not connect to ${url}: ${String(err)}`);
      counts.connectFailures += 1;
      person.socket = undefined;
    }
  }

  async function move(person: Person, to: Spot): Promise<void> {
    const socket = person.socket;
    if (!socket) return;
    let outcome = 'NO_ANSWER';
    try {
      const ack = (await socket
        .timeout(ACK_TIMEOUT_MS)
        .emitWithAck('presence.go', { to: destinationOf(to) })) as Ack<Self>;
      outcome = ack.ok ? 'ok' : ack.error.code;
      if (ack.ok) person.spot = spotOf(ack.data);
    } catch {
      // Counted as NO_ANSWER: a timeout or a connection that went away meanwhile.
    }
    counts.moves[outcome] = (counts.moves[outcome] ?? 0) + 1;
    step(person, `go ${JSON.stringify(destinationOf(to))}: ${outcome}`);
  }

  async function reconnect(person: Person): Promise<void> {
    const socket = person.socket;
    const nextUrl = urls[Math.floor(person.random() * urls.length)] ?? urls[0] ?? '';
    if (person.random() < 0.5) {
      counts.rejoins += 1;
      step(person, 'leaves');
      socket?.disconnect();
      await sleep(options.thinkMs);
    } else {
      // The network went: the server sees a transport close and keeps the place for the grace.
      counts.drops += 1;
      step(person, 'loses the network');
      socket?.io.engine.close();
      socket?.disconnect();
      await sleep(500);
    }
    await connect(person, nextUrl);
  }

  async function live(person: Person): Promise<void> {
    await move(person, arrivalSpot(person.random));
    while (running) {
      await sleep(options.thinkMs * (1 + person.random()));
      if (!running) return;
      if (!person.socket || person.random() < options.reconnectChance) {
        await reconnect(person);
        continue;
      }
      const to = nextSpot(person.spot, person.random);
      if (to) await move(person, to);
    }
  }

  const people: Person[] = options.participants.map((participant, index) => ({
    index,
    steps: [],
    participant,
    socket: undefined,
    spot: { kind: 'lobby', room: -1, table: -1 },
    random: seededRandom(options.seed + index),
  }));
  // Arrivals spread over a few seconds, as a fair's doors open, in lanes of 50 handshakes.
  let next = 0;
  await Promise.all(
    Array.from({ length: 50 }, async () => {
      while (next < people.length) {
        const person = people[next++];
        if (person) await connect(person, urls[person.index % urls.length] ?? '');
      }
    }),
  );
  const lives = people.map((person) => live(person));

  return {
    counts,
    stepsOf: (id) => people.find((person) => person.participant.person.id === id)?.steps ?? [],
    connected: () => people.filter((person) => person.socket?.connected).length,
    async stop() {
      running = false;
      await Promise.all(lives);
    },
    disconnectAll() {
      for (const person of people) person.socket?.disconnect();
    },
  };
}
