import type { Registration } from '@kohtaamo/protocol';

/**
 * Whether this person runs the room: an organiser, or a facilitator assigned to it. Only
 * decides what to show; the server checks every action itself.
 */
export function runsRoom(me: Pick<Registration, 'role' | 'facilitatorRoomIds'>, roomId: string) {
  return (
    me.role === 'organiser' || (me.role === 'facilitator' && me.facilitatorRoomIds.includes(roomId))
  );
}
