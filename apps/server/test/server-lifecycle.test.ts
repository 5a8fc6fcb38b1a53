import {
  apiRoutes,
  buildPath,
  fairDetailResponseSchema,
  fairListResponseSchema,
} from '@kohtaamo/protocol';
import type { z } from 'zod';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from './services';
import { createTestDatabase } from './store-backends';
import {
  type ServerProcess,
  freePort,
  startServerProcess,
} from '../../../tests/support/server-process';

interface Session {
  cookie: string;
}

async function signIn(baseUrl: string, email: string, password: string): Promise<Session> {
  const response = await fetch(`${baseUrl}${apiRoutes.signIn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  expect(response.status).toBe(200);
  return { cookie: (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '' };
}

async function getJson<T>(baseUrl: string, route: string, session: Session, schema: z.ZodType<T>) {
  const response = await fetch(`${baseUrl}${route}`, { headers: { cookie: session.cookie } });
  expect(response.status).toBe(200);
  return schema.parse(await response.json());
}

interface DatabaseMode {
  name: string;
  /** Environment for the store, and how to throw the database away afterwards. */
  prepare(): Promise<{ env: Record<string, string>; drop(): Promise<void> }>;
}

const embedded: DatabaseMode = {
  name: 'embedded PGlite under DATA_DIR',
  prepare: async () => ({ env: {}, drop: async () => {} }),
};

const postgres = (adminUrl: string): DatabaseMode => ({
  name: 'PostgreSQL from DATABASE_URL',
  async prepare() {
    const database = await createTestDatabase(adminUrl);
    return { env: { DATABASE_URL: database.url }, drop: database.drop };
  },
});

const databaseModes = testDatabaseUrl ? [embedded, postgres(testDatabaseUrl)] : [embedded];

describe.each(databaseModes)('the server process on $name', (mode) => {
  let dropDatabase: () => Promise<void>;
  let dataDir: string;
  let webDir: string;
  let baseUrl: string;
  let env: Record<string, string>;
  let server: ServerProcess;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'kohtaamo-data-'));
    webDir = await mkdtemp(path.join(tmpdir(), 'kohtaamo-web-'));
    await writeFile(path.join(webDir, 'index.html'), '<!doctype html><title>Kohtaamo</title>');
    const port = await freePort();
    baseUrl = `http://localhost:${port}`;
    const database = await mode.prepare();
    dropDatabase = database.drop;
    env = { ...database.env, PORT: String(port), DATA_DIR: dataDir, WEB_DIST_DIR: webDir };
    server = await startServerProcess(env);
  });

  afterAll(async () => {
    server.child.kill('SIGKILL');
    await server.exited;
    await dropDatabase();
    await rm(dataDir, { recursive: true, force: true });
    await rm(webDir, { recursive: true, force: true });
  });

  it('prints where it runs and how to sign in to the demo fair', () => {
    expect(server.output()).toContain(`Kohtaamo is running at ${baseUrl}`);
    expect(server.output()).toMatch(/sign in as organiser@kohtaamo\.example with the password \S+/);
    expect(server.output()).toMatch(new RegExp(`${baseUrl}/join/[A-Za-z0-9_-]+`));
  });

  it('answers health, readiness and Prometheus metrics', async () => {
    expect((await fetch(`${baseUrl}/healthz`)).status).toBe(200);
    expect((await fetch(`${baseUrl}/readyz`)).status).toBe(200);
    const metrics = await (await fetch(`${baseUrl}/metrics`)).text();
    expect(metrics).toContain('kohtaamo_http_request_duration_seconds');
    expect(metrics).toContain('kohtaamo_process_resident_memory_bytes');
  });

  it('serves the demo Cooperation Fair: 14 themes in three languages, three tables of six, the agenda', async () => {
    const password = /with the password (\S+)/.exec(server.output())?.[1] ?? '';
    const session = await signIn(baseUrl, 'organiser@kohtaamo.example', password);
    const { fairs } = await getJson(baseUrl, apiRoutes.fairs, session, fairListResponseSchema);
    expect(fairs.map((entry) => entry.role)).toEqual(['organiser']);
    const fairId = fairs[0]?.fair.id ?? '';
    const detail = await getJson(
      baseUrl,
      buildPath(apiRoutes.fair, { fairId }),
      session,
      fairDetailResponseSchema,
    );
    expect(detail.fair.timeZone).toBe('Europe/Helsinki');
    expect(detail.rooms).toHaveLength(14);
    expect(detail.rooms[0]?.names).toEqual({
      fi: 'Antirasismi',
      en: 'Anti-racism',
      sv: 'Antirasism',
    });
    for (const room of detail.rooms) {
      expect(room.names.fi && room.names.en && room.names.sv).toBeTruthy();
      expect(room.tables.map((table) => table.capacity)).toEqual([6, 6, 6]);
    }
    expect(detail.agenda.map((item) => item.kind)).toEqual([
      'speech',
      'networking_round',
      'networking_round',
      'closing',
    ]);
    expect(detail.agenda[0]?.speakerIds).toHaveLength(1);
    const roles = detail.staff.map((person) => person.role).sort();
    expect(roles).toEqual(['organiser', 'speaker']);
  });

  it('serves the web app for client-side routes', async () => {
    const page = await fetch(`${baseUrl}/fairs/some-fair/manage`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Kohtaamo</title>');
  });

  it('finishes a request in flight on SIGTERM, exits cleanly, and keeps what it stored', async () => {
    const signUp = fetch(`${baseUrl}${apiRoutes.signUp}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: 'late@kohtaamo.test',
        password: 'signed up at closing time',
        displayName: 'Late',
      }),
    });
    // Password hashing keeps the request busy long enough for the signal to arrive mid-way.
    await new Promise((resolve) => setTimeout(resolve, 30));
    server.child.kill('SIGTERM');
    expect((await signUp).status).toBe(201);
    expect(await server.exited).toBe(0);

    server = await startServerProcess(env);
    expect(server.output()).toContain('sign in as organiser@kohtaamo.example');
    await signIn(baseUrl, 'late@kohtaamo.test', 'signed up at closing time');
    const password = /with the password (\S+)/.exec(server.output())?.[1] ?? '';
    const organiser = await signIn(baseUrl, 'organiser@kohtaamo.example', password);
    const { fairs } = await getJson(baseUrl, apiRoutes.fairs, organiser, fairListResponseSchema);
    expect(fairs).toHaveLength(1);
  });
});

describe.runIf(testDatabaseUrl)('several server processes on one PostgreSQL', () => {
  it('start together on an empty database: one schema, one demo fair, every node serves it', async () => {
    const database = await createTestDatabase(testDatabaseUrl ?? '');
    const dataDir = await mkdtemp(path.join(tmpdir(), 'kohtaamo-nodes-'));
    const ports = [await freePort(), await freePort()];
    const shared = {
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
      SESSION_SECRET: 'one secret shared by every node of the fair',
    };
    const nodes = await Promise.all(
      ports.map((port) => startServerProcess({ ...shared, PORT: String(port) })),
    );
    try {
      const password = nodes
        .map((node) => /with the password (\S+)/.exec(node.output())?.[1])
        .find(Boolean);
      // A session started on one node is valid on the other: cookies are signed alike.
      const session = await signIn(
        `http://localhost:${ports[0]}`,
        'organiser@kohtaamo.example',
        password ?? '',
      );
      for (const port of ports) {
        const { fairs } = await getJson(
          `http://localhost:${port}`,
          apiRoutes.fairs,
          session,
          fairListResponseSchema,
        );
        expect(fairs.map((entry) => entry.fair.slug)).toEqual(['cooperation-fair-2021']);
      }
    } finally {
      for (const node of nodes) node.child.kill('SIGKILL');
      await Promise.all(nodes.map((node) => node.exited));
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
