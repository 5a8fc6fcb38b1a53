import type { Presence } from '../src/presence/types';
import type { Store } from '../src/store/types';

type Query = (sql: string) => Promise<Record<string, unknown>[]>;

/**
 * Every row of every table of the store's schema, each table's rows in a fixed order, so "the
 * store is unchanged" is one deep equality and a table added later is covered without edits.
 */
export async function everyRow(query: Query): Promise<Record<string, string[]>> {
  const tables = (
    await query(
      `select table_name from information_schema.tables
       where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
    )
  ).map(({ table_name: name }) => String(name).replaceAll('"', '""'));
  const rows: Record<string, string[]> = Object.fromEntries(tables.map((name) => [name, []]));
  // One round trip for the whole database: the suites take this snapshot hundreds of times.
  const union = tables
    .map((name) => `select '${name}' as "table", to_jsonb(t)::text as "row" from "${name}" t`)
    .join(' union all ');
  for (const { table, row } of await query(union)) rows[String(table)]?.push(String(row));
  for (const list of Object.values(rows)) list.sort();
  return rows;
}

/**
 * What presence holds for the fairs: each scope's state and sequence number, and where each
 * registered person is. Expiry times are left out; they move with every heartbeat.
 */
export async function presenceState(store: Store, presence: Presence, fairIds: string[]) {
  return Promise.all(
    fairIds.map(async (fairId) => {
      const rooms = await store.rooms.listWithTables(fairId);
      const roomIds = rooms.map((room) => room.id);
      const people = await store.registrations.list(fairId);
      return {
        fairId,
        lobby: await presence.lobby(fairId, roomIds),
        rooms: await Promise.all(roomIds.map((roomId) => presence.room(fairId, roomId))),
        places: await Promise.all(
          people.map(async ({ id }) => [id, (await presence.whereIs(fairId, id))?.location]),
        ),
      };
    }),
  );
}
