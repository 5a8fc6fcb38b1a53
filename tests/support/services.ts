import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createClient } from 'redis';

/** Connection strings of the services the global setup found reachable, or undefined. */
export const testDatabaseUrl = process.env.KOHTAAMO_TEST_DATABASE_URL;
export const testRedisUrl = process.env.KOHTAAMO_TEST_REDIS_URL;

async function asAdmin(adminUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  url: string;
  query<Row extends object>(text: string, values?: unknown[]): Promise<Row[]>;
  drop(): Promise<void>;
}

/** An empty database `kh_test_<random>` next to the test database; `drop` removes it. */
export async function createTestDatabase(adminUrl: string): Promise<TestDatabase> {
  const name = `kh_test_${randomBytes(6).toString('hex')}`;
  await asAdmin(adminUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 2 });
  // `pool.end()` resolves before its connections have closed, so the forced drop below can still
  // terminate one; without a listener that error would crash the test run.
  pool.on('error', () => {});
  return {
    url: url.toString(),
    async query<Row extends object>(text: string, values: unknown[] = []) {
      return (await pool.query<Row>(text, values)).rows;
    },
    async drop() {
      await pool.end();
      await asAdmin(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

/** A key prefix no other run uses, and a way to delete every key under it afterwards. */
export function redisNamespace(redisUrl: string) {
  const prefix = `kh-test-${randomBytes(5).toString('hex')}:`;
  return {
    prefix,
    async clear(): Promise<void> {
      const client = createClient({ url: redisUrl });
      await client.connect();
      try {
        for await (const keys of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) {
          if (keys.length > 0) await client.del(keys);
        }
      } finally {
        await client.close();
      }
    },
  };
}
