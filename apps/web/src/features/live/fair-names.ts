import { pickText, type Language, type Room } from '@kohtaamo/protocol';

/** Presence carries only ids; the names come from the fair as loaded over REST. */
export interface FairNames {
  room(roomId: string): string | undefined;
  table(tableId: string): string | undefined;
}

export function fairNames(rooms: readonly Room[], language: Language): FairNames {
  const roomNames = new Map(rooms.map((room) => [room.id, pickText(room.names, language)]));
  const tableNames = new Map(
    rooms.flatMap((room) => room.tables.map((table) => [table.id, table.name] as const)),
  );
  return {
    room: (roomId) => roomNames.get(roomId),
    table: (tableId) => tableNames.get(tableId),
  };
}
