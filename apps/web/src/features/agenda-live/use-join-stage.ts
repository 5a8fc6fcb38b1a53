import { useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { goTo } from '../live/live-session';

/**
 * The router state that asks the lobby to take the person to the stage. The stage is watched
 * from the lobby; a room page would pull its visitor back into the room, so the bar's "Join the
 * stage" goes to the lobby first and the lobby makes the move.
 */
export const JOIN_STAGE_STATE = { joinStage: true } as const;

function wantsStage(state: unknown): boolean {
  return typeof state === 'object' && state !== null && 'joinStage' in state;
}

/** In the lobby: arriving with `JOIN_STAGE_STATE` moves the person to the stage, once. */
export function useJoinStageOnArrival(): void {
  const { state, pathname } = useLocation();
  const navigate = useNavigate();
  useEffect(() => {
    if (!wantsStage(state)) return;
    // Forget the request, so going back or reloading does not move the person again.
    void navigate(pathname, { replace: true, state: null });
    void goTo({ kind: 'stage' });
  }, [state, pathname, navigate]);
}
