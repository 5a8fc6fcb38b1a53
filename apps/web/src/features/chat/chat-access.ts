import type { ChatChannel, Location } from '@kohtaamo/protocol';

/**
 * Whether presence has the person where a channel's chat may be read: in the room (standing or
 * at one of its tables) for the room's channel, seated at the table for the table's. The server
 * checks the same against its own presence, so asking for a channel's history before presence
 * has the person there (a room page opening) is refused.
 */
export function isInChannelPlace(location: Location | null, channel: ChatChannel): boolean {
  if (!location) return false;
  if (channel.kind === 'table') {
    return location.kind === 'table' && location.tableId === channel.tableId;
  }
  return (
    (location.kind === 'room' || location.kind === 'table') && location.roomId === channel.roomId
  );
}
