/**
 * The bare Socket.IO server Kohtaamo is measured against. It checks nobody, validates nothing
 * and stores nothing: it joins sockets to the same rooms Kohtaamo uses and broadcasts diffs of
 * the same shape and size to them. Socket.IO runs with Kohtaamo's options (WebSocket only,
 * connection-state recovery, the Redis streams adapter with several nodes), so the ratio shows
 * what Kohtaamo's own code costs.
 *
 * Env: PORT, LAYOUT (JSON `{ roomIds, tableIds }`), optional REDIS_URL and REDIS_KEY_PREFIX.
 */
import { createServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient } from 'redis';
import { Server, type Socket } from 'socket.io';
import type { Location, PersonRef, RoomOccupancy } from '@kohtaamo/protocol';

interface Layout {
  roomIds: string[];
  tableIds: string[][];
}

const layout = JSON.parse(process.env.LAYOUT ?? '{"roomIds":[],"tableIds":[]}') as Layout;
const roomOfTable = new Map<string, string>();
layout.roomIds.forEach((roomId, index) => {
  for (const tableId of layout.tableIds[index] ?? []) roomOfTable.set(tableId, roomId);
});
const TABLE_CAPACITY = 6;
const SAMPLE_SIZE = 5;

const redisUrl = process.env.REDIS_URL;
const prefix = process.env.REDIS_KEY_PREFIX ?? 'baseline:';
const redis = redisUrl ? createClient({ url: redisUrl }) : undefined;
await redis?.connect();

const httpServer = createServer();
const io = new Server(httpServer, {
  transports: ['websocket'],
  connectionStateRecovery: { maxDisconnectionDuration: 120_000, skipMiddlewares: false },
  ...(redis
    ? {
        adapter: createAdapter(redis, {
          streamName: `${prefix}socket.io`,
          channelPrefix: `${prefix}socket.io`,
          sessionKeyPrefix: `${prefix}sio:session:`,
          maxLen: 50_000,
        }),
      }
    : {}),
});

let seq = 0;
const lastSeqOfScope = new Map<string, number>();
function nextStep(scope: string): { seq: number; prevSeq: number } {
  seq += 1;
  const prevSeq = lastSeqOfScope.get(scope) ?? 0;
  lastSeqOfScope.set(scope, seq);
  return { seq, prevSeq };
}

function roomIdOf(location: Location): string | undefined {
  return location.kind === 'room' || location.kind === 'table' ? location.roomId : undefined;
}

function roomsOf(location: Location): string[] {
  switch (location.kind) {
    case 'lobby':
      return ['lobby'];
    case 'stage':
      return [];
    case 'room':
      return [`room:${location.roomId}`];
    case 'table':
      return [`room:${location.roomId}`, `table:${location.tableId}`];
  }
}

function scopeOf(location: Location): string | null {
  const roomId = roomIdOf(location);
  if (roomId) return `room:${roomId}`;
  return location.kind === 'lobby' ? 'lobby' : null;
}

/** Socket.IO's own bookkeeping of this node's sockets per room: the only state here. */
function localMembers(room: string): Socket[] {
  const ids = io.sockets.adapter.rooms.get(room);
  if (!ids) return [];
  return [...ids].flatMap((id) => {
    const socket = io.sockets.sockets.get(id);
    return socket ? [socket] : [];
  });
}

function occupancy(roomId: string): RoomOccupancy {
  const members = localMembers(`room:${roomId}`);
  return {
    roomId,
    count: members.length,
    sample: members.slice(0, SAMPLE_SIZE).map((socket) => socket.data.person as PersonRef),
  };
}

function destinationOf(to: { kind: string; roomId?: string; tableId?: string }): Location | null {
  if (to.kind === 'lobby' || to.kind === 'stage') return { kind: to.kind };
  if (to.kind === 'room' && to.roomId) return { kind: 'room', roomId: to.roomId };
  const roomId = to.tableId ? roomOfTable.get(to.tableId) : undefined;
  return roomId && to.tableId ? { kind: 'table', roomId, tableId: to.tableId } : null;
}

type Ack = (response: unknown) => void;

io.on('connection', (socket) => {
  const auth = socket.handshake.auth as { person: PersonRef };
  socket.data.person = auth.person;
  socket.data.location = { kind: 'lobby' } satisfies Location;
  void socket.join('lobby');
  socket.emit('presence.self', { location: socket.data.location, scope: 'lobby' });

  socket.on('presence.go', ({ to }: { to: { kind: string } }, ack: Ack) => {
    const from = socket.data.location as Location;
    const next = destinationOf(to);
    if (!next) return ack({ ok: false, error: { code: 'NOT_FOUND', message: 'No such place' } });
    if (
      next.kind === 'table' &&
      (io.sockets.adapter.rooms.get(`table:${next.tableId}`)?.size ?? 0) >= TABLE_CAPACITY
    ) {
      return ack({ ok: false, error: { code: 'TABLE_FULL', message: 'The table is full' } });
    }
    const person = socket.data.person as PersonRef;
    for (const room of roomsOf(from)) void socket.leave(room);
    void socket.join(roomsOf(next));
    socket.data.location = next;
    const fromRoom = roomIdOf(from);
    const toRoom = roomIdOf(next);
    if (fromRoom && fromRoom !== toRoom) {
      const scope = `room:${fromRoom}`;
      io.to(scope).emit('presence.diff', {
        scopeKind: 'room',
        scope,
        ...nextStep(scope),
        change: { kind: 'member', person, present: false, tableId: null },
      });
    }
    if (toRoom) {
      const scope = `room:${toRoom}`;
      io.to(scope).emit('presence.diff', {
        scopeKind: 'room',
        scope,
        ...nextStep(scope),
        change: {
          kind: 'member',
          person,
          present: true,
          tableId: next.kind === 'table' ? next.tableId : null,
        },
      });
    }
    if (fromRoom !== toRoom || from.kind === 'stage' || next.kind === 'stage') {
      const rooms = [fromRoom, toRoom].filter((id) => id !== undefined).map(occupancy);
      io.to('lobby').emit('presence.diff', {
        scopeKind: 'lobby',
        scope: 'lobby',
        ...nextStep('lobby'),
        change: { kind: 'occupancy', rooms, stageCount: 0 },
      });
    }
    ack({ ok: true, data: { location: next, scope: scopeOf(next) } });
  });

  socket.on('presence.snapshot', ({ scope }: { scope: string }, ack: Ack) => {
    if (scope === 'lobby') {
      const rooms = layout.roomIds.map(occupancy);
      return ack({
        ok: true,
        data: { scopeKind: 'lobby', scope, seq, state: { rooms, stageCount: 0 } },
      });
    }
    const roomId = scope.slice('room:'.length);
    const members = localMembers(scope).map((member) => {
      const location = member.data.location as Location;
      return {
        person: member.data.person as PersonRef,
        tableId: location.kind === 'table' ? location.tableId : null,
      };
    });
    const tables = (layout.tableIds[layout.roomIds.indexOf(roomId)] ?? []).map((tableId) => ({
      tableId,
      capacity: TABLE_CAPACITY,
      locked: false,
      closed: false,
    }));
    ack({ ok: true, data: { scopeKind: 'room', scope, seq, state: { roomId, members, tables } } });
  });

  socket.on('presence.self', (_payload: unknown, ack: Ack) => {
    const location = socket.data.location as Location;
    ack({ ok: true, data: { location, scope: scopeOf(location) } });
  });
});

httpServer.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = httpServer.address();
  console.log(
    `baseline listening on ${typeof address === 'object' && address ? address.port : ''}`,
  );
});

process.on('SIGTERM', () => {
  void io.close(() => {
    void redis?.close().finally(() => process.exit(0));
    if (!redis) process.exit(0);
  });
});
