import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreUnavailableError } from '../src/store/errors';
import { openStore } from '../src/store/open-store';
import type { Store } from '../src/store/types';
import { createTestDatabase, storeBackends } from './store-backends';
import { createAccount } from './store-fixtures';
import { testDatabaseUrl } from './services';

describe.each(storeBackends)('a closed store ($name)', (backend) => {
  let store: Store;

  beforeAll(async () => {
    const opened = await backend.open();
    store = opened.store;
    await opened.dispose();
  });

  it('reports the database as unavailable', async () => {
    await expect(store.ping()).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.accounts.findByEmail('a@example.fi')).rejects.toBeInstanceOf(
      StoreUnavailableError,
    );
  });

  it('can be closed again without harm', async () => {
    await expect(store.close()).resolves.toBeUndefined();
  });
});

describe('the embedded store on disk', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = join(await mkdtemp(join(tmpdir(), 'kohtaamo-store-')), 'nested', 'data');
  });
  afterAll(() => rm(join(dataDir, '..', '..'), { recursive: true, force: true }));

  it(
    'creates its directory, says so, and keeps records across a restart',
    { timeout: 120_000 },
    async () => {
      const messages: { obj: object; msg?: string }[] = [];
      const logger = { info: (obj: object, msg?: string) => messages.push({ obj, msg }) };
      const first = await openStore({ dataDir, logger });
      const account = await createAccount(first);
      await first.close();
      expect((await stat(join(dataDir, 'pglite'))).isDirectory()).toBe(true);
      expect(messages).toEqual([
        { obj: expect.objectContaining({ backend: 'pglite' }), msg: 'Store ready' },
      ]);

      const second = await openStore({ dataDir });
      try {
        expect(await second.accounts.findById(account.id)).toEqual(account);
      } finally {
        await second.close();
      }
    },
  );
});

describe.skipIf(!testDatabaseUrl)('the PostgreSQL store', () => {
  const adminUrl = testDatabaseUrl ?? '';
  let database: { url: string; drop(): Promise<void> };

  beforeAll(async () => {
    database = await createTestDatabase(adminUrl);
  });
  afterAll(() => database.drop());

  async function appliedMigrations(): Promise<number> {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const result = await client.query(
        'select count(*)::int as n from drizzle.__drizzle_migrations',
      );
      return result.rows[0].n as number;
    } finally {
      await client.end();
    }
  }

  it('applies its migrations once when several nodes start together, and again is a no-op', async () => {
    const journal = JSON.parse(
      await readFile(
        new URL('../src/store/migrations/meta/_journal.json', import.meta.url),
        'utf8',
      ),
    ) as { entries: unknown[] };
    const nodes = await Promise.all(
      [1, 2, 3].map(() => openStore({ databaseUrl: database.url, dataDir: tmpdir() })),
    );
    const account = await createAccount(nodes[0]!);
    await Promise.all(nodes.map((node) => node.close()));
    expect(await appliedMigrations()).toBe(journal.entries.length);

    const restarted = await openStore({ databaseUrl: database.url, dataDir: tmpdir() });
    try {
      expect(await appliedMigrations()).toBe(journal.entries.length);
      expect(await restarted.accounts.findById(account.id)).toEqual(account);
    } finally {
      await restarted.close();
    }
  });

  it('keeps working after the server drops its connections', async () => {
    const warnings: object[] = [];
    const logger = { info: () => {}, warn: (obj: object) => warnings.push(obj) };
    const store = await openStore({ databaseUrl: database.url, dataDir: tmpdir(), logger });
    try {
      await store.ping();
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(
        'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
        [new URL(database.url).pathname.slice(1)],
      );
      await admin.end();
      await expect.poll(() => warnings.length).toBeGreaterThan(0);
      await expect(store.ping()).resolves.toBeUndefined();
    } finally {
      await store.close();
    }
  });

  it('refuses to open on an unreachable server with StoreUnavailableError', async () => {
    const attempt = openStore({
      databaseUrl: 'postgres://postgres@127.0.0.1:1/none',
      dataDir: tmpdir(),
    });
    await expect(attempt).rejects.toBeInstanceOf(StoreUnavailableError);
  });
});
