import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser';
import {
  SERVER_START_TIMEOUT_MS,
  type ServerProcess,
  freePort,
  startServerProcess,
} from './server-process';

export interface DemoApp {
  server: ServerProcess;
  browser: Browser;
  baseUrl: string;
  /** The demo sign-in and invite link, as the server printed them. */
  demoPassword: string;
  inviteUrl: string;
}

/**
 * Starts the real server on a fresh embedded store (so the demo fair is seeded) and Debian's
 * Chromium before the suite, and stops both after it. Read the fields inside tests.
 */
export function useDemoApp(): DemoApp {
  const app = {} as DemoApp;
  let dataDir: string | undefined;
  beforeAll(async () => {
    // The browser first: it refuses to start without a built web app, and a server started
    // before such a failure would outlive the suite, since afterAll only stops what it was given.
    app.browser = await launchBrowser();
    dataDir = await mkdtemp(path.join(tmpdir(), 'kohtaamo-e2e-'));
    const port = await freePort();
    const server = await startServerProcess({ PORT: String(port), DATA_DIR: dataDir });
    Object.assign(app, {
      server,
      baseUrl: `http://localhost:${port}`,
      demoPassword: /with the password (\S+)/.exec(server.output())?.[1] ?? '',
      inviteUrl: /Participants can register at (\S+)/.exec(server.output())?.[1] ?? '',
    });
    // The server may take its whole start-up allowance; the browser comes on top of it.
  }, SERVER_START_TIMEOUT_MS + 30_000);
  afterAll(async () => {
    await app.browser?.close();
    app.server?.child.kill('SIGTERM');
    await app.server?.exited;
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });
  return app;
}
