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

describe('the server process on the embedded default (PGlite under DATA_DIR)', () => {
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
    env = { PORT: String(port), DATA_DIR: dataDir, WEB_DIST_DIR: webDir };
    server = await startServerProcess(env);
  });

  afterAll(async () => {
    server.child.kill('SIGKILL');
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
