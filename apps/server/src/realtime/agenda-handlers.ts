import type { LiveAgenda } from '../live-agenda/live-agenda-service';
import type { Store } from '../store/types';
import { currentActor, requireAction } from './actor';
import type { Handlers } from './dispatcher';
import type { Member } from './handshake';
import { RealtimeError } from './realtime-error';

type AgendaHandlers = Pick<Handlers, 'agenda.live' | 'agenda.control' | 'agenda.roomRound'>;

/**
 * The live agenda's events of one connection. Everyone in the fair may read it; fair-wide
 * controls are the organisers' ('agenda.control'), a room's timed round its facilitators' and
 * the organisers' ('room.round'). Who is asking is read afresh from the store every time.
 */
export function agendaHandlers(agenda: LiveAgenda, store: Store, member: Member): AgendaHandlers {
  const { fairId } = member;
  return {
    'agenda.live': () => agenda.state(fairId),
    'agenda.control': async ({ control }) => {
      const actor = await currentActor(store, member);
      requireAction(actor, 'agenda.control', { kind: 'fair' });
      return agenda.control(fairId, actor.registrationId, control);
    },
    'agenda.roomRound': async ({ round }) => {
      const actor = await currentActor(store, member);
      requireAction(actor, 'room.round', { kind: 'room', roomId: round.roomId });
      if (!(await store.rooms.findById(fairId, round.roomId))) {
        throw new RealtimeError('NOT_FOUND', 'No such room in this fair');
      }
      return agenda.roomRound(fairId, actor.registrationId, round);
    },
  };
}
