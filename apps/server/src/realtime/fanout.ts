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

export function socketIoFanout(io: Server<Record<string, never>, ServerEvents>): Fanout {
  return {
    publish(change) {
      for (const { socketRoom, diff } of diffsOf(change)) {
        io.to(socketRoom).emit(ServerEvent.diff, diff);
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
