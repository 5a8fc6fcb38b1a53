import {
  type Location,
  type PresenceDiff,
  type Self,
  ServerEvent,
  type ServerEvents,
} from '@kohtaamo/protocol';
import type { Server } from 'socket.io';
import type { PresenceChange, TableChange } from '../presence/types';
import { placeRooms, roomIdOf, socketRooms, tableIdOf } from './places';

/** How presence changes reach people; Socket.IO in production, a recorder in unit tests. */
export interface Fanout {
  /** Sends a change to every scope it touches. */
  publish(change: PresenceChange): void;
  publishTable(change: TableChange): void;
  /** Moves the person's connections (on any node) to the socket rooms of their new place. */
  follow(fairId: string, personId: string, from: Location | null, to: Location | null): void;
  /** Tells the person's connections where they are after a change they did not ask for. */
  tellSelf(personId: string, self: Self): void;
}

/** The diffs one change produces, each with the socket room it goes to. */
export function diffsOf(change: PresenceChange): { socketRoom: string; diff: PresenceDiff }[] {
  return change.scopes.map(({ scope, prevSeq }) => {
    if (scope === 'lobby') {
      return {
        socketRoom: socketRooms.lobby(change.fairId),
        diff: {
          scopeKind: 'lobby',
          scope,
          seq: change.seq,
          prevSeq,
          change: { kind: 'occupancy', rooms: change.rooms, stageCount: change.stageCount },
        },
      };
    }
    const roomId = scope.slice('room:'.length);
    const present = roomIdOf(change.to) === roomId;
    return {
      socketRoom: socketRooms.room(roomId),
      diff: {
        scopeKind: 'room',
        scope,
        seq: change.seq,
        prevSeq,
        change: {
          kind: 'member',
          person: change.person,
          present,
          tableId: present ? (tableIdOf(change.to) ?? null) : null,
        },
      },
    };
  });
}

export type LobbyDiff = Extract<PresenceDiff, { scopeKind: 'lobby' }>;

/**
 * How long the lobby's occupancy diffs are gathered before they go out as one. Every change of
 * a room's membership concerns everyone in the lobby, so without this each person in the lobby
 * would hear of every move in the fair: a cost growing with the fair, not with what they see.
 */
export const LOBBY_BATCH_MS = 200;

/**
 * Merges consecutive lobby diffs of a fair into one. Occupancy values are absolute, so the
 * merged diff (the first one's `prevSeq`, the last one's `seq`, each room's latest numbers)
 * leaves a client exactly where the diffs one by one would have. Only an unbroken chain is
 * merged: a diff that does not continue the pending one (another node's change came between)
 * sends the pending one first, so no client skips a change it has not seen.
 */
export function lobbyBatcher(send: (socketRoom: string, diff: LobbyDiff) => void) {
  const pending = new Map<string, { diff: LobbyDiff; timer: NodeJS.Timeout }>();

  function flush(socketRoom: string): void {
    const batch = pending.get(socketRoom);
    if (!batch) return;
    clearTimeout(batch.timer);
    pending.delete(socketRoom);
    send(socketRoom, batch.diff);
  }

  return (socketRoom: string, diff: LobbyDiff): void => {
    const batch = pending.get(socketRoom);
    if (batch && batch.diff.seq === diff.prevSeq) {
      const rooms = new Map(batch.diff.change.rooms.map((room) => [room.roomId, room]));
      for (const room of diff.change.rooms) rooms.set(room.roomId, room);
      batch.diff = {
        ...batch.diff,
        seq: diff.seq,
        change: { ...diff.change, rooms: [...rooms.values()] },
      };
      return;
    }
    flush(socketRoom);
    const timer = setTimeout(() => flush(socketRoom), LOBBY_BATCH_MS);
    // A diff still waiting when the process ends is not worth keeping it alive for: clients
    // reconnecting elsewhere read a snapshot.
    timer.unref();
    pending.set(socketRoom, { diff, timer });
  };
}

export function socketIoFanout(io: Server<Record<string, never>, ServerEvents>): Fanout {
  const sendLobby = lobbyBatcher((socketRoom, diff) => {
    io.to(socketRoom).emit(ServerEvent.diff, diff);
  });
  return {
    publish(change) {
      for (const { socketRoom, diff } of diffsOf(change)) {
        if (diff.scopeKind === 'lobby') sendLobby(socketRoom, diff);
        else io.to(socketRoom).emit(ServerEvent.diff, diff);
      }
    },
    publishTable(change) {
      io.to(socketRooms.room(change.roomId)).emit(ServerEvent.diff, {
        scopeKind: 'room',
        scope: `room:${change.roomId}`,
        seq: change.seq,
        prevSeq: change.prevSeq,
        change: { kind: 'table', table: change.table },
      });
    },
    follow(fairId, personId, from, to) {
      const target = new Set(placeRooms(fairId, to));
      const stale = placeRooms(fairId, from).filter((name) => !target.has(name));
      const person = io.in(socketRooms.person(personId));
      if (stale.length > 0) person.socketsLeave(stale);
      if (target.size > 0) person.socketsJoin([...target]);
    },
    tellSelf(personId, self) {
      io.to(socketRooms.person(personId)).emit(ServerEvent.self, self);
    },
  };
}
