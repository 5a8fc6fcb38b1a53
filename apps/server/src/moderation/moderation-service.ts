import { randomUUID } from 'node:crypto';
import type {
  Broadcast,
  BroadcastAudience,
  ClientEventName,
  clientEvents,
  Location,
  ModerationLogEntry,
  ModerationNotice,
  PersonRef,
} from '@kohtaamo/protocol';
import type { z } from 'zod';
import { callPlaceOf, removalDestination, scopeOfPerson, tablePatchOf } from '../domain/moderation';
import { personRefOf } from '../domain/people';
import type { Actor } from '../domain/permissions';
import type { MoveRefusal } from '../presence/types';
import { currentActor, requireAction } from '../realtime/actor';
import type { Member } from '../realtime/handshake';
import { socketRooms } from '../realtime/places';
import { RealtimeError, refusalMessages } from '../realtime/realtime-error';
import { type ModerationDeps, record } from './moderation-deps';
import { createStageCalls } from './stage-calls';

type Payload<E extends ClientEventName> = z.output<(typeof clientEvents)[E]['payload']>;

/** Staff who may do this action in no room at all are refused before anything is looked up. */
function requireStaff(actor: Actor): void {
  const facilitates = actor.role === 'facilitator' && actor.facilitatorRoomIds.length > 0;
  if (actor.role !== 'organiser' && !facilitates) {
    throw new RealtimeError('FORBIDDEN', 'You may not do that here');
  }
}

function moveRefused(code: MoveRefusal | 'NOT_PRESENT'): RealtimeError {
  if (code === 'NOT_PRESENT') return new RealtimeError('NOT_PRESENT', 'They are not there now');
  if (code === 'TABLE_UNKNOWN') return new RealtimeError('NOT_FOUND', 'No such table');
  return new RealtimeError(code, refusalMessages[code]);
}

/**
 * Moderation of a live fair. Every action: who is asking (read afresh), where the person or
 * table is now, permission in that room (and the destination's), the change, the log entry
 * (stored before the answer), the notice to the person affected.
 */
export function createModeration(deps: ModerationDeps) {
  const { store, live } = deps;

  async function personIn(fairId: string, personId: string): Promise<PersonRef> {
    const registration = await store.registrations.findById(fairId, personId);
    if (!registration) throw new RealtimeError('NOT_FOUND', 'Nobody by that id in this fair');
    return personRefOf(registration);
  }

  async function locate(fairId: string, personId: string): Promise<Location> {
    const placement = await live.whereIs(fairId, personId);
    if (!placement) throw new RealtimeError('NOT_PRESENT', 'They are not in the fair now');
    return placement.location;
  }

  async function tableOf(fairId: string, tableId: string) {
    const table = (await live.layout(fairId)).tables.get(tableId);
    if (!table) throw new RealtimeError('NOT_FOUND', 'No such table in this fair');
    return table;
  }

  function notify(
    member: Member,
    target: PersonRef,
    action: ModerationNotice['action'],
    entry: ModerationLogEntry,
  ): void {
    const notice: ModerationNotice = {
      action,
      by: member.person,
      reason: entry.reason,
      at: entry.at,
    };
    deps.emit(socketRooms.person(target.id), 'moderation.notice', notice);
  }

  const roomOf = (location: Location) =>
    location.kind === 'room' || location.kind === 'table' ? location.roomId : null;
  const tableAt = (location: Location) => (location.kind === 'table' ? location.tableId : null);

  return {
    async mute(member: Member, payload: Payload<'moderation.mute'>): Promise<ModerationLogEntry> {
      const { fairId } = member;
      const actor = await currentActor(store, member);
      requireStaff(actor);
      const target = await personIn(fairId, payload.person);
      const location = await locate(fairId, target.id);
      requireAction(actor, 'media.mute', scopeOfPerson(location));
      const place = callPlaceOf(location);
      if (!place) throw new RealtimeError('NOT_PRESENT', 'They are not in a call');
      await deps.media.muteTrack({ fairId, personId: target.id }, place, payload.track);
      const action = { kind: 'mute', track: payload.track } as const;
      const entry = await record(deps, fairId, member.person, {
        action,
        target,
        roomId: roomOf(location),
        tableId: tableAt(location),
        reason: payload.reason,
      });
      notify(member, target, action, entry);
      return entry;
    },

    async remove(
      member: Member,
      payload: Payload<'moderation.remove'>,
    ): Promise<ModerationLogEntry> {
      const { fairId } = member;
      const actor = await currentActor(store, member);
      requireStaff(actor);
      const target = await personIn(fairId, payload.person);
      const location = await locate(fairId, target.id);
      requireAction(actor, 'member.remove', scopeOfPerson(location));
      const to = removalDestination(location, payload.from);
      if (!to) throw new RealtimeError('NOT_PRESENT', `They are not at a ${payload.from} now`);
      const moved = await live.moveOther(fairId, target, to);
      if (!moved.ok) throw moveRefused(moved.code);
      const action = { kind: 'remove', from: payload.from } as const;
      const entry = await record(deps, fairId, member.person, {
        action,
        target,
        roomId: roomOf(location),
        tableId: payload.from === 'table' ? tableAt(location) : null,
        reason: payload.reason,
      });
      notify(member, target, action, entry);
      return entry;
    },

    async move(member: Member, payload: Payload<'moderation.move'>): Promise<ModerationLogEntry> {
      const { fairId } = member;
      const actor = await currentActor(store, member);
      requireStaff(actor);
      const target = await personIn(fairId, payload.person);
      const table = await tableOf(fairId, payload.tableId);
      const location = await locate(fairId, target.id);
      const destination = { kind: 'room', roomId: table.roomId } as const;
      requireAction(actor, 'member.move', scopeOfPerson(location), destination);
      const to = { kind: 'table', roomId: table.roomId, tableId: table.tableId } as const;
      const moved = await live.moveOther(fairId, target, to);
      if (!moved.ok) throw moveRefused(moved.code);
      const action = { kind: 'move', roomId: table.roomId, tableId: table.tableId } as const;
      const entry = await record(deps, fairId, member.person, {
        action,
        target,
        roomId: table.roomId,
        tableId: table.tableId,
        reason: payload.reason,
      });
      notify(member, target, action, entry);
      return entry;
    },

    async table(member: Member, payload: Payload<'moderation.table'>): Promise<ModerationLogEntry> {
      const { fairId } = member;
      const actor = await currentActor(store, member);
      requireStaff(actor);
      const table = await tableOf(fairId, payload.tableId);
      requireAction(actor, 'table.rules', { kind: 'room', roomId: table.roomId });
      const updated = await store.tables.update(
        fairId,
        table.tableId,
        tablePatchOf(payload.change),
      );
      if (!updated) throw new RealtimeError('NOT_FOUND', 'No such table in this fair');
      await live.layoutChanged(fairId);
      return record(deps, fairId, member.person, {
        action: { kind: 'table', change: payload.change },
        target: null,
        roomId: table.roomId,
        tableId: table.tableId,
        reason: payload.reason,
      });
    },

    async broadcast(member: Member, payload: Payload<'moderation.broadcast'>): Promise<Broadcast> {
      const { fairId } = member;
      const actor = await currentActor(store, member);
      requireStaff(actor);
      const audience: BroadcastAudience = payload.audience;
      if (audience.kind === 'fair') {
        requireAction(actor, 'fair.broadcast', { kind: 'fair' });
      } else {
        requireAction(actor, 'room.broadcast', { kind: 'room', roomId: audience.roomId });
        if (!(await live.layout(fairId)).roomIds.includes(audience.roomId)) {
          throw new RealtimeError('NOT_FOUND', 'No such room in this fair');
        }
      }
      const entry = await record(deps, fairId, member.person, {
        action: { kind: 'broadcast', audience, text: payload.text },
        target: null,
        roomId: audience.kind === 'room' ? audience.roomId : null,
        tableId: null,
        reason: undefined,
      });
      const broadcast: Broadcast = {
        id: randomUUID(),
        from: member.person,
        audience,
        text: payload.text,
        sentAt: entry.at,
      };
      const room =
        audience.kind === 'fair' ? socketRooms.fair(fairId) : socketRooms.room(audience.roomId);
      deps.emit(room, 'live.broadcast', broadcast);
      return broadcast;
    },

    ...createStageCalls(deps),
  };
}

export type Moderation = ReturnType<typeof createModeration>;
