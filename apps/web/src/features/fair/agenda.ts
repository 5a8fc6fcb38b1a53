import { pickText, type AgendaItem, type Language, type Room } from '@kohtaamo/protocol';

/** Agenda items in the order they happen; items starting together keep their given order. */
export function sortByStart<T extends Pick<AgendaItem, 'startsAt'>>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
}

/** The room's name for an agenda item held in a room, or undefined for the stage. */
export function roomNameOf(
  place: AgendaItem['place'],
  rooms: readonly Pick<Room, 'id' | 'names'>[],
  language: Language,
): string | undefined {
  if (place.kind === 'stage') return undefined;
  const room = rooms.find((candidate) => candidate.id === place.roomId);
  return room ? pickText(room.names, language) : undefined;
}
