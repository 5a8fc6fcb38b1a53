import { useEffect } from 'react';
import { wishPlace } from './live-session';

/**
 * Takes the person where the page needs them (the lobby, or into a room) once connected, and
 * again after every reconnection. `roomId` null means the lobby.
 */
export function useWishPlace(roomId: string | null): void {
  useEffect(() => {
    wishPlace(roomId ? { kind: 'room', roomId } : { kind: 'lobby' });
    return () => wishPlace(null);
  }, [roomId]);
}
