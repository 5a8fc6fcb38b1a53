import { useEffect } from 'react';
import { useConnectionStore } from '../live/connection-store';
import { liveRequest } from '../live/live-session';
import { setStageState, startModerationFeed } from './moderation-store';

/**
 * Hears broadcasts, moderation notices and the stage call while the live fair is open, and asks
 * on every (re)connection whether everyone is on the stage: a page opened, or a connection
 * regained, in the middle of a stage call would otherwise not know of it.
 */
export function useModerationFeed(): void {
  const connected = useConnectionStore((state) => state.status.kind === 'connected');

  useEffect(() => startModerationFeed(), []);

  useEffect(() => {
    if (!connected) return;
    let current = true;
    void liveRequest('stage.status', {}).then((result) => {
      if (current && result.ok) setStageState(result.data);
    });
    return () => {
      current = false;
    };
  }, [connected]);
}
