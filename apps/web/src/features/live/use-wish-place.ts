import { useEffect } from 'react';
import { wishPlace } from './live-session';

/** What a page needs: the lobby, the stage (watched from the lobby page), or a room. */
export type WantedPlace = 'lobby' | 'stage' | { roomId: string };

/**
 * Takes the person where the page needs them once connected, and again after every
 * reconnection.
 */
export function useWishPlace(wanted: WantedPlace): void {
  const roomId = typeof wanted === 'object' ? wanted.roomId : null;
  const kind = typeof wanted === 'object' ? 'room' : wanted;
  useEffect(() => {
    wishPlace(roomId ? { kind: 'room', roomId } : { kind: kind === 'stage' ? 'stage' : 'lobby' });
    return () => wishPlace(null);
  }, [kind, roomId]);
}
