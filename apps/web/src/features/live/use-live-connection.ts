import { useEffect } from 'react';
import { startLive, stopLive } from './live-session';

/** Keeps the fair's live connection open while the live pages are shown; null waits. */
export function useLiveConnection(fairId: string | null): void {
  useEffect(() => {
    if (!fairId) return;
    startLive(fairId);
    return stopLive;
  }, [fairId]);
}
