import { useEffect } from 'react';
import { onLiveEvent } from '../../lib/realtime/live-events';
import { announce } from '../live/notice-store';

/**
 * Announces every seat a networking round gives; returns the undo. The move itself arrives as
 * `presence.self` (the page follows it); this says why, which "your place changed" does not.
 */
export function announceRoundSeats(): () => void {
  return onLiveEvent('round.seated', ({ roomId, tableId, preassigned }) =>
    announce({ kind: 'round', roomId, tableId, preassigned }),
  );
}

/** Announces round seats while the live fair is open. */
export function useRoundNotices(): void {
  useEffect(announceRoundSeats, []);
}
