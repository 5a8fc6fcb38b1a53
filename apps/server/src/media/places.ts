import { idSchema, type Location, type MediaPlace } from '@kohtaamo/protocol';

/** The call a place has: a table's, or the stage's; rooms and the lobby have none. */
export function mediaPlaceOf(location: Location | null): MediaPlace | null {
  if (location?.kind === 'table') return { kind: 'table', tableId: location.tableId };
  if (location?.kind === 'stage') return { kind: 'stage' };
  return null;
}

export function isAtPlace(location: Location | null, place: MediaPlace): boolean {
  if (place.kind === 'stage') return location?.kind === 'stage';
  return location?.kind === 'table' && location.tableId === place.tableId;
}

/** LiveKit room names: `<fair>.<table>` and `<fair>.stage`. */
export function livekitRoomName(fairId: string, place: MediaPlace): string {
  return `${fairId}.${place.kind === 'table' ? place.tableId : 'stage'}`;
}

/** The fair and place a LiveKit room name stands for, or null for a room that is not ours. */
export function parseLivekitRoomName(name: string): { fairId: string; place: MediaPlace } | null {
  const [fairId, rest, ...extra] = name.split('.');
  if (extra.length > 0 || !idSchema.safeParse(fairId).success || !fairId || !rest) return null;
  if (rest === 'stage') return { fairId, place: { kind: 'stage' } };
  return idSchema.safeParse(rest).success
    ? { fairId, place: { kind: 'table', tableId: rest } }
    : null;
}

/**
 * Socket.IO rooms of a mesh call. The stage has a second one for its publishers, because the
 * audience hears only of publishers while publishers hear of everyone.
 */
export const callRooms = {
  everyone: (fairId: string, place: MediaPlace) =>
    place.kind === 'table' ? `media:table:${place.tableId}` : `media:stage:${fairId}`,
  stagePublishers: (fairId: string) => `media:stage-publishers:${fairId}`,
} as const;
