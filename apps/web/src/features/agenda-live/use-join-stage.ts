import { useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { usePresenceStore } from '../live/presence-store';

/**
 * The router state that asks the lobby to take the person to the stage. The stage is watched
 * from the lobby; a room page would pull its visitor back into the room, so the bar's "Join the
 * stage" goes to the lobby first and the lobby makes the move.
 */
export const JOIN_STAGE_STATE = { joinStage: true } as const;

function wantsStage(state: unknown): boolean {
  return typeof state === 'object' && state !== null && 'joinStage' in state;
}

/**
 * In the lobby: whether the person arrived asking for the stage. The lobby makes that its wish,
 * so the move waits for the connection and for any move already on its way. Once they are on
 * the stage the request is forgotten, so going back or reloading does not move them again.
 */
export function useJoinStageOnArrival(): boolean {
  const { state, pathname } = useLocation();
  const navigate = useNavigate();
  const asked = wantsStage(state);
  const onStage = usePresenceStore((presence) => presence.self?.location.kind === 'stage');
  useEffect(() => {
    if (asked && onStage) void navigate(pathname, { replace: true, state: null });
  }, [asked, onStage, pathname, navigate]);
  return asked;
}
