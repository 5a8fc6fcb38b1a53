import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router-dom';
import { paths } from '../../lib/navigation';
import { roomIdOf } from './places';
import { usePresenceStore } from './presence-store';

/**
 * When the server moves the person without being asked (a facilitator, a lost seat), shows the
 * page of where they now are; the stage has no page of its own yet, so the lobby shows it.
 * Only pages under the live fair's address follow: the organiser's dashboard shares the live
 * connection but stays open when a stage call they made moves them too.
 */
export function useFollowMoves(fairId: string): void {
  const moved = usePresenceStore((state) => state.moved);
  const navigate = useNavigate();
  const handled = useRef<number | null>(null);

  useEffect(() => {
    if (!moved || handled.current === moved.id) return;
    handled.current = moved.id;
    if (!window.location.pathname.startsWith(paths.live(fairId))) return;
    const roomId = roomIdOf(moved.location);
    const target = roomId ? paths.liveRoom(fairId, roomId) : paths.live(fairId);
    if (target !== window.location.pathname) void navigate(target);
  }, [moved, fairId, navigate]);
}
