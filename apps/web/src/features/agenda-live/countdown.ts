import type { LiveAgendaItem, LiveAgendaState, RoomRound } from '@kohtaamo/protocol';

/**
 * The countdown's arithmetic. The server sends absolute times and its own clock; a browser whose
 * clock is off by minutes still counts down to the right second, because every instant is
 * compared with the server's clock as estimated here, not with the browser's.
 */

/**
 * How far the server's clock is ahead of this browser's. `sentAtMs` and `receivedAtMs` are the
 * browser's clock around a request (equal for a pushed event); the server read its clock
 * somewhere in between, most likely half-way.
 */
export function clockOffsetMs(serverNowIso: string, sentAtMs: number, receivedAtMs: number) {
  return Date.parse(serverNowIso) - (sentAtMs + receivedAtMs) / 2;
}

/** The fair's time left until `endsAtIso`: frozen at the pause while paused, never negative. */
export function timeLeftMs(
  endsAtIso: string,
  pausedAtIso: string | null,
  browserNowMs: number,
  offsetMs: number,
): number {
  const nowMs = pausedAtIso === null ? browserNowMs + offsetMs : Date.parse(pausedAtIso);
  return Math.max(0, Date.parse(endsAtIso) - nowMs);
}

/** "4:05", "1:02:03": whole seconds, rounded up so that 0:00 means the time is up. */
export function formatCountdown(ms: number): string {
  const totalSeconds = Math.ceil(Math.max(0, ms) / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = String(totalSeconds % 60).padStart(2, '0');
  return hours > 0
    ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}`
    : `${minutes}:${seconds}`;
}

/** The last minute of something timed, when everyone is warned. */
export function isLastMinute(ms: number): boolean {
  return ms > 0 && ms <= 60_000;
}

/** What the bar shows: the item on now and next, and the round of the room one is in. */
export interface AgendaView {
  current: LiveAgendaItem | null;
  next: LiveAgendaItem | null;
  roomRound: RoomRound | null;
}

export function agendaView(state: LiveAgendaState, roomId: string | undefined): AgendaView {
  const byId = (id: string | null) => state.items.find((item) => item.id === id) ?? null;
  return {
    current: byId(state.currentId),
    next: byId(state.nextId),
    roomRound: state.roomRounds.find((round) => round.roomId === roomId) ?? null,
  };
}

/** Whole minutes from one instant to another, rounded up ("starts in 2 minutes"). */
export function minutesBetween(fromIso: string, toIso: string): number {
  return Math.max(0, Math.ceil((Date.parse(toIso) - Date.parse(fromIso)) / 60_000));
}

/** How early the bar offers to take someone to a speech on the stage; the cue comes at 2. */
export const STAGE_OFFER_BEFORE_MS = 5 * 60_000;

/**
 * Whether to offer "Join the stage": a speech on the stage is on now, or starts within
 * `STAGE_OFFER_BEFORE_MS` by the fair's clock.
 */
export function offersStage(view: AgendaView, fairNowMs: number): boolean {
  const onStage = (item: LiveAgendaItem | null): item is LiveAgendaItem =>
    item !== null && item.kind === 'speech' && item.place.kind === 'stage' && !item.skipped;
  if (onStage(view.current)) return true;
  return onStage(view.next) && Date.parse(view.next.startsAt) - fairNowMs <= STAGE_OFFER_BEFORE_MS;
}
