import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';

/**
 * The database handle the repositories take. Both drivers (node-postgres and PGlite) and their
 * transactions are `PgDatabase`s, so one implementation serves all of them.
 */
export type Db = PgDatabase<PgQueryResultHKT>;
