import type { HelpChanged, HelpRequest } from '@kohtaamo/protocol';
import type { Presence } from '../presence/types';
import type { Store } from '../store/types';
import { currentActor, requireAction } from './actor';
import type { LiveEmit } from './live-emit';
import type { Handlers } from './dispatcher';
import type { Member } from './handshake';
import { roomIdOf, socketRooms } from './places';
import { RealtimeError } from './realtime-error';

export interface HelpDeps {
  store: Store;
  presence: Presence;
  emit: LiveEmit;
  now: () => Date;
}

type HelpHandlers = Pick<
  Handlers,
  'help.raise' | 'help.cancel' | 'help.mine' | 'help.resolve' | 'help.queue'
>;

/**
 * Raised hands of one connection. A hand belongs to the room the person stands or sits in
 * when raising it; its news goes to that room's facilitators, the organisers and the person.
 */
export function helpHandlers(deps: HelpDeps, member: Member): HelpHandlers {
  const { store, presence } = deps;

  function tell(request: HelpRequest, change: Omit<HelpChanged, 'request'>): void {
    deps.emit(
      [
        socketRooms.facilitators(request.roomId),
        socketRooms.organisers(member.fairId),
        socketRooms.person(request.person.id),
      ],
      'help.changed',
      { request, ...change },
    );
  }

  return {
    'help.raise': async ({ note }) => {
      const placement = await presence.whereIs(member.fairId, member.person.id);
      const roomId = roomIdOf(placement?.location ?? null);
      if (!roomId) throw new RealtimeError('FORBIDDEN', 'Raise your hand in a room');
      const before = await store.help.findOpenOf(member.fairId, member.registrationId);
      const request = await store.help.raise({
        fairId: member.fairId,
        roomId,
        personId: member.registrationId,
        note: note ?? '',
        now: deps.now(),
      });
      if (before && before.roomId !== roomId) {
        // The hand moved with the person: the old room's queue loses it.
        deps.emit([socketRooms.facilitators(before.roomId)], 'help.changed', {
          request: before,
          state: 'cancelled',
          by: null,
        });
      }
      tell(request, { state: 'open', by: null });
      return request;
    },

    'help.cancel': async () => {
      const open = await store.help.findOpenOf(member.fairId, member.registrationId);
      const closing = { outcome: 'cancelled', by: member.registrationId, now: deps.now() } as const;
      if (open && (await store.help.close(member.fairId, open.id, closing))) {
        tell(open, { state: 'cancelled', by: null });
      }
      return {};
    },

    'help.mine': async () => ({
      request: await store.help.findOpenOf(member.fairId, member.registrationId),
    }),

    'help.resolve': async ({ requestId }) => {
      const open = await store.help.findOpenById(member.fairId, requestId);
      if (!open) throw new RealtimeError('NOT_FOUND', 'Someone has already helped');
      requireAction(await currentActor(store, member), 'help.queue', {
        kind: 'room',
        roomId: open.roomId,
      });
      const closing = { outcome: 'resolved', by: member.registrationId, now: deps.now() } as const;
      if (!(await store.help.close(member.fairId, open.id, closing))) {
        throw new RealtimeError('NOT_FOUND', 'Someone has already helped');
      }
      tell(open, { state: 'resolved', by: member.person });
      return {};
    },

    'help.queue': async ({ roomId }) => {
      requireAction(await currentActor(store, member), 'help.queue', { kind: 'room', roomId });
      if (!(await store.rooms.findById(member.fairId, roomId))) {
        throw new RealtimeError('NOT_FOUND', 'No such room in this fair');
      }
      return { requests: await store.help.listOpen(member.fairId, roomId) };
    },
  };
}
