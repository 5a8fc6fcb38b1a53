import type { Location } from '@kohtaamo/protocol';
import { usePresenceStore } from '../live/presence-store';
import { useAgendaLiveStore } from './agenda-live-store';
import { agendaView, timeLeftMs } from './countdown';
import { useNowMs } from './use-now';

function roomOf(location: Location | undefined): string | undefined {
  return location?.kind === 'room' || location?.kind === 'table' ? location.roomId : undefined;
}

/**
 * The live agenda as the person sees it where they are, with its countdowns (the current item's
 * and the round of their room) in the fair's clock, ticking every second.
 */
export function useAgendaView(roomId?: string) {
  const agenda = useAgendaLiveStore((state) => state.agenda);
  const offsetMs = useAgendaLiveStore((state) => state.offsetMs);
  const hereRoomId = usePresenceStore((state) => roomOf(state.self?.location));
  const nowMs = useNowMs(agenda !== null && agenda.phase !== 'ended');
  if (!agenda) return null;
  const view = agendaView(agenda, roomId ?? hereRoomId);
  const left = (endsAt: string) => timeLeftMs(endsAt, agenda.pausedAt, nowMs, offsetMs);
  return {
    agenda,
    ...view,
    fairNowMs: nowMs + offsetMs,
    currentLeftMs: view.current ? left(view.current.endsAt) : null,
    roomRoundLeftMs: view.roomRound ? left(view.roomRound.endsAt) : null,
  };
}
