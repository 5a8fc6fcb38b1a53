/**
 * The seated crowd of the stage benchmark: one socket.io-client connection per participant (one
 * thread is plenty: each client receives a handful of messages per operation), each seated at
 * its own table, recording when its `presence.self` reaches the place an operation expects.
 */
import {
  type Ack,
  type Location,
  PROTOCOL_VERSION,
  type Self,
  ServerEvent,
} from '@kohtaamo/protocol';
import type { Socket } from 'socket.io-client';
import { openSocket } from '../support/live-client';
import type { LoadFair, LoadParticipant } from './fair-shape';

const CONNECT_TIMEOUT_MS = 30_000;
/** Enough handshakes in flight to connect 500 people in seconds, without refusals. */
const CONNECT_CONCURRENCY = 50;
/** A large stage call acknowledges only after everyone has moved: give it time. */
export const ACK_TIMEOUT_MS = 120_000;

export type TableLocation = Extract<Location, { kind: 'table' }>;

export interface CrowdMember {
  index: number;
  socket: Socket;
  /** The table this person sits at before every operation and must come back to. */
  home: TableLocation;
  /** When the current expectation was met (`performance.now()`), or undefined. */
  metAtMs: number | undefined;
  /** The last place the server pushed to this client. */
  lastPushed: Location | undefined;
}

export function sameLocation(a: Location | undefined, b: Location): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Participant i sits at table ⌊i / capacity⌋ of the fair, the fair's tables in order. */
export function homeTables(fair: LoadFair, people: number, capacity: number): TableLocation[] {
  const tables = fair.roomIds.flatMap((roomId, room) =>
    (fair.tableIds[room] ?? []).map((tableId): TableLocation => ({
      kind: 'table',
      roomId,
      tableId,
    })),
  );
  return Array.from({ length: people }, (_, index) => {
    const table = tables[Math.floor(index / capacity)];
    if (!table) throw new Error(`the fair has no seat for participant ${index}`);
    return table;
  });
}

export async function request<T>(socket: Socket, event: string, payload: unknown): Promise<Ack<T>> {
  return (await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(event, payload)) as Ack<T>;
}

/** Connects and resolves with the socket once the server has placed the person. */
export function connectAs(url: string, cookie: string, fairId: string): Promise<Socket> {
  const socket = openSocket(url, cookie, { fairId, protocol: PROTOCOL_VERSION });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no presence.self')), CONNECT_TIMEOUT_MS);
    socket.once(ServerEvent.self, () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('connect_error', (err: Error) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}

export interface Crowd {
  members: CrowdMember[];
  /**
   * Starts waiting for every member's pushed `presence.self` to reach `target(member)`;
   * `arrived` resolves when all have, or rejects after `timeoutMs` naming who has not.
   */
  expect(target: (member: CrowdMember) => Location, timeoutMs: number): { arrived: Promise<void> };
  close(): void;
}

/**
 * Connects participant i to node i mod nodes (so two nodes get half each) and seats them at
 * their home table, checking that the server put them exactly there.
 */
export async function connectCrowd(options: {
  urls: string[];
  fair: LoadFair;
  participants: LoadParticipant[];
  homes: TableLocation[];
}): Promise<Crowd> {
  const members: CrowdMember[] = [];
  let onPush: (member: CrowdMember, location: Location) => void = () => undefined;
  let next = 0;
  async function lane(): Promise<void> {
    while (next < options.participants.length) {
      const index = next;
      next += 1;
      const participant = options.participants[index];
      const home = options.homes[index];
      if (!participant || !home) throw new Error(`no participant ${index}`);
      const url = options.urls[index % options.urls.length] ?? '';
      const socket = await connectAs(url, participant.cookie, options.fair.fairId);
      const member: CrowdMember = {
        index,
        socket,
        home,
        metAtMs: undefined,
        lastPushed: undefined,
      };
      socket.on(ServerEvent.self, (self: Self) => {
        member.lastPushed = self.location;
        onPush(member, self.location);
      });
      const seated = await request<Self>(socket, 'presence.go', {
        to: { kind: 'table', tableId: home.tableId },
      });
      if (!seated.ok || !sameLocation(seated.data.location, home)) {
        throw new Error(
          `participant ${index} could not sit at their table: ${JSON.stringify(seated)}`,
        );
      }
      members.push(member);
    }
  }
  await Promise.all(Array.from({ length: CONNECT_CONCURRENCY }, lane));
  members.sort((a, b) => a.index - b.index);

  return {
    members,
    expect(target, timeoutMs) {
      for (const member of members) member.metAtMs = undefined;
      let waiting = members.length;
      const arrived = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          const missing = members.filter((member) => member.metAtMs === undefined);
          const sample = missing
            .slice(0, 3)
            .map((m) => `#${m.index} last pushed ${JSON.stringify(m.lastPushed)}`);
          reject(
            new Error(
              `${missing.length} of ${members.length} participants did not reach their place ` +
                `within ${timeoutMs} ms (${sample.join('; ')})`,
            ),
          );
        }, timeoutMs);
        onPush = (member, location) => {
          if (member.metAtMs !== undefined || !sameLocation(location, target(member))) return;
          member.metAtMs = performance.now();
          waiting -= 1;
          if (waiting === 0) {
            clearTimeout(timer);
            resolve();
          }
        };
      });
      return { arrived };
    },
    close() {
      for (const { socket } of members) socket.disconnect();
    },
  };
}
