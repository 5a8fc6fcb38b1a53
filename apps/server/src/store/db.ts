import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';

/**
 * The database handle the repositories take. Both drivers (node-postgres and PGlite) and their
 * transactions are `PgDatabase`s, so one implementation serves all of them.
 */
export type Db = PgDatabase<PgQueryResultHKT>;

/**
 * The rows of raw SQL. Both drivers answer `execute` with `{ rows }`; the shared `Db` type cannot
 * say so, and `T` is what the query selects.
 */
export async function selectRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = await db.execute(query);
  return (result as unknown as { rows: T[] }).rows;
}
