import type { ChatChannel, Location } from '@kohtaamo/protocol';
import { type Actor, mayAct } from './permissions';

/**
 * Whether a person at `location` takes part in the channel: a room's channel belongs to
 * everyone in the room, standing or seated at one of its tables; a table's to the people
 * seated at it. Taking part is what lets one post.
 */
export function takesPart(location: Location | null, channel: ChatChannel): boolean {
  if (!location) return false;
  if (channel.kind === 'table') {
    return location.kind === 'table' && location.tableId === channel.tableId;
  }
  return (
    (location.kind === 'room' || location.kind === 'table') && location.roomId === channel.roomId
  );
}

/** The people who moderate a channel of this room: its facilitators and the organisers. */
export function moderatesRoom(actor: Actor, roomId: string): boolean {
  return mayAct(actor, 'chat.delete', { kind: 'room', roomId });
}

/** A message may be deleted by its author and by the moderators of its room. */
export function mayDeleteMessage(
  actor: Actor,
  message: { authorId: string; roomId: string },
): boolean {
  return message.authorId === actor.registrationId || moderatesRoom(actor, message.roomId);
}
