import { createHash } from 'node:crypto';
import { readFile, readdir, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { createMemorySnapshot, openStore, startPglite } from '../src/store/open-store';
import type { Store } from '../src/store/types';
import { createTestDatabase, testDatabaseUrl } from '../../../tests/support/services';

/** A store for one suite; `dispose` closes it and throws its data away. */
export interface OpenedStore {
  store: Store;
  /** Runs SQL on the store's database, for suites that inspect every row. */
  query(sql: string): Promise<Record<string, unknown>[]>;
  dispose(): Promise<void>;
}

export interface StoreBackend {
  name: 'pglite' | 'postgres';
  /** A fresh, migrated, empty store. */
  open(): Promise<OpenedStore>;
}

const migrationsDir = fileURLToPath(new URL('../src/store/migrations', import.meta.url));

/**
 * Booting PGlite runs initdb, which takes seconds, and vitest loads this module once per test
 * file. So the first file to need it saves a migrated data directory under the temp dir, named
 * after the migrations and the PGlite install, and every later file starts from that copy.
 */
async function snapshotPath(): Promise<string> {
  const hash = createHash('sha256');
  hash.update(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  hash.update(await readFile(join(migrationsDir, 'meta', '_journal.json')));
  for (const file of (await readdir(migrationsDir))
    .filter((name) => name.endsWith('.sql'))
    .sort()) {
    hash.update(await readFile(join(migrationsDir, file)));
  }
  return join(tmpdir(), `kohtaamo-pglite-${hash.digest('hex').slice(0, 16)}.tar`);
}

async function loadOrCreateSnapshot(): Promise<Blob> {
  const path = await snapshotPath();
  try {
    return new Blob([await readFile(path)]);
  } catch {
    const snapshot = await createMemorySnapshot();
    // Write then rename, so a file that runs concurrently never reads half a snapshot.
    const partial = `${path}.${process.pid}.partial`;
    await writeFile(partial, Buffer.from(await snapshot.arrayBuffer()));
    await rename(partial, path);
    return snapshot;
  }
}

let snapshot: Promise<Blob> | undefined;

const pglite: StoreBackend = {
  name: 'pglite',
  async open() {
    snapshot ??= loadOrCreateSnapshot();
    const client = await PGlite.create({ loadDataDir: await snapshot });
    const store = await startPglite(client);
    return {
      store,
      query: async (sql) => (await client.query<Record<string, unknown>>(sql)).rows,
      dispose: () => store.close(),
    };
  },
};

/** Suites that need a whole database of their own (server processes) take it from here too. */
export { createTestDatabase };

function postgres(adminUrl: string): StoreBackend {
  return {
    name: 'postgres',
    async open() {
      const database = await createTestDatabase(adminUrl);
      try {
        const store = await openStore({ databaseUrl: database.url, dataDir: tmpdir() });
        return {
          store,
          query: (sql) => database.query(sql),
          async dispose() {
            await store.close();
            await database.drop();
          },
        };
      } catch (err) {
        await database.drop();
        throw err;
      }
    },
  };
}

/** PGlite always; PostgreSQL when the global setup found one (see ./services.ts). */
export const storeBackends: StoreBackend[] = testDatabaseUrl
  ? [pglite, postgres(testDatabaseUrl)]
  : [pglite];

/**
 * Opens a fresh store on the backend before the suite and throws it away after; `use` receives
 * it once it is open, so suites keep a plain `store` variable.
 */
export function useStore(backend: StoreBackend, use: (store: Store) => void): void {
  let dispose: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const opened = await backend.open();
    dispose = opened.dispose;
    use(opened.store);
  });
  afterAll(() => dispose?.());
}
