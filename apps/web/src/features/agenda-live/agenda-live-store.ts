import type {
  AgendaControl,
  AgendaCue,
  LiveAgendaState,
  RoomRoundControl,
} from '@kohtaamo/protocol';
import type { RealtimeResult } from '../../lib/realtime/result';
import { create } from 'zustand';
import { onLiveEvent } from '../../lib/realtime/live-events';
import { useConnectionStore } from '../live/connection-store';
import { liveRequest } from '../live/live-session';
import { announce } from '../live/notice-store';
import { clockOffsetMs } from './countdown';

interface AgendaLiveState {
  /** The latest live agenda from the server; null until the first arrives. */
  agenda: LiveAgendaState | null;
  /** How far the server's clock is ahead of this browser's (see `clockOffsetMs`). */
  offsetMs: number;
}

const initialState: AgendaLiveState = { agenda: null, offsetMs: 0 };

export const useAgendaLiveStore = create<AgendaLiveState>()(() => initialState);

/** Cues already announced, so one heard again (a reconnection, a second node) is not repeated. */
const heardCueIds = new Set<string>();
const HEARD_CUES_KEPT = 100;

export function receiveAgendaState(
  agenda: LiveAgendaState,
  sentAtMs: number,
  receivedAtMs = sentAtMs,
): void {
  const previous = useAgendaLiveStore.getState().agenda;
  // A state older than the one shown (an answer overtaken by a push) is dropped.
  if (previous && Date.parse(previous.serverNow) > Date.parse(agenda.serverNow)) return;
  useAgendaLiveStore.setState({
    agenda,
    offsetMs: clockOffsetMs(agenda.serverNow, sentAtMs, receivedAtMs),
  });
}

export function receiveAgendaCue(cue: AgendaCue): void {
  if (heardCueIds.has(cue.id)) return;
  heardCueIds.add(cue.id);
  if (heardCueIds.size > HEARD_CUES_KEPT) {
    const [oldest] = heardCueIds;
    if (oldest !== undefined) heardCueIds.delete(oldest);
  }
  announce({ kind: 'agenda', cue });
}

/** Asks for the live agenda; on every (re)connection, since pushes missed meanwhile are gone. */
export async function refreshAgenda(): Promise<void> {
  const sentAtMs = Date.now();
  const result = await liveRequest('agenda.live', {});
  if (result.ok) receiveAgendaState(result.data, sentAtMs, Date.now());
}

async function applyAnswer(
  request: Promise<RealtimeResult<LiveAgendaState>>,
  sentAtMs: number,
): Promise<boolean> {
  const result = await request;
  if (result.ok) {
    receiveAgendaState(result.data, sentAtMs, Date.now());
    return true;
  }
  announce({ kind: 'error', code: result.error.code });
  return false;
}

/** An organiser's control; true once the server stored it. Refusals are announced. */
export function sendAgendaControl(control: AgendaControl): Promise<boolean> {
  return applyAnswer(liveRequest('agenda.control', { control }), Date.now());
}

/** Starts or ends a room's timed round; true once stored. Refusals are announced. */
export function sendRoomRound(round: RoomRoundControl): Promise<boolean> {
  return applyAnswer(liveRequest('agenda.roomRound', { round }), Date.now());
}

onLiveEvent('agenda.state', (agenda) => receiveAgendaState(agenda, Date.now()));
onLiveEvent('agenda.cue', receiveAgendaCue);
useConnectionStore.subscribe((state, previous) => {
  if (state.status.kind === 'connected' && previous.status.kind !== 'connected') {
    void refreshAgenda();
  }
  if (state.status.kind === 'idle') resetAgendaLiveStore();
});

/** Tests start from a clean store. */
export function resetAgendaLiveStore(): void {
  useAgendaLiveStore.setState(initialState, true);
  heardCueIds.clear();
}
