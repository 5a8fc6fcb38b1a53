import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, type ServerProcess, startServerProcess } from '../support/server-process';
import type { LoadFair } from './fair-shape';

/** Server processes the swarm connects to; `pids` are what the CPU and memory samples read. */
export interface Target {
  urls: string[];
  pids: number[];
  /** What each process printed so far (stdout, then stderr). */
  outputs(): string[];
  stop(): Promise<void>;
}

async function stopAll(children: ServerProcess[]): Promise<void> {
  await Promise.all(
    children.map(async ({ child, exited }) => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    }),
  );
}

/**
 * Kohtaamo as production runs it: `src/main.ts` on PostgreSQL; with several nodes, presence and
 * fan-out go through Redis. One node keeps presence in memory, as it does without REDIS_URL.
 * `cpuProfileDir` runs each node with `--cpu-prof`, the profile written when it stops;
 * `heapSnapshotDir` lets SIGUSR2 write a heap snapshot there (`soak.ts --heap-snapshots`).
 */
export async function startKohtaamo(options: {
  nodes: number;
  databaseUrl: string;
  redisUrl: string | undefined;
  redisKeyPrefix: string;
  sessionSecret: string;
  cpuProfileDir?: string | undefined;
  heapSnapshotDir?: string | undefined;
}): Promise<Target> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'kohtaamo-load-'));
  const children: ServerProcess[] = [];
  const urls: string[] = [];
  try {
    for (let i = 0; i < options.nodes; i += 1) {
      const port = await freePort();
      children.push(
        await startServerProcess(
          {
            DATABASE_URL: options.databaseUrl,
            ...(options.redisUrl
              ? { REDIS_URL: options.redisUrl, REDIS_KEY_PREFIX: options.redisKeyPrefix }
              : {}),
            SESSION_SECRET: options.sessionSecret,
            SEED_DEMO: 'never',
            DATA_DIR: dataDir,
            HOST: '127.0.0.1',
            PORT: String(port),
            // The burst phase moves each client back to back, far above what a person does.
            SOCKET_EVENT_RATE: '100000/1s',
          },
          [
            ...(options.cpuProfileDir
              ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`]
              : []),
            ...(options.heapSnapshotDir
              ? ['--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${options.heapSnapshotDir}`]
              : []),
          ],
        ),
      );
      urls.push(`http://127.0.0.1:${port}`);
    }
  } catch (err) {
    await stopAll(children);
    throw err;
  }
  return {
    urls,
    pids: children.map(({ child }) => child.pid ?? 0),
    outputs: () => children.map((child) => child.output() + child.errors()),
    async stop() {
      await stopAll(children);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

const baselineServer = fileURLToPath(new URL('./baseline/server.ts', import.meta.url));

async function startBaselineNode(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', baselineServer], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`baseline did not start:\n${stderr}`)), 30_000);
    child.stdout.on('data', () => {
      if (stdout.includes('baseline listening')) {
        clearTimeout(timer);
        resolve();
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`baseline exited with ${code}:\n${stderr}`));
    });
  });
  return { child, output: () => stdout, errors: () => stderr, exited };
}

/** The bare Socket.IO server, one process per node, over the same Redis as Kohtaamo. */
export async function startBaseline(options: {
  nodes: number;
  fair: LoadFair;
  redisUrl: string | undefined;
  redisKeyPrefix: string;
}): Promise<Target> {
  const children: ServerProcess[] = [];
  const urls: string[] = [];
  try {
    for (let i = 0; i < options.nodes; i += 1) {
      const port = await freePort();
      children.push(
        await startBaselineNode({
          PORT: String(port),
          LAYOUT: JSON.stringify({
            roomIds: options.fair.roomIds,
            tableIds: options.fair.tableIds,
          }),
          ...(options.redisUrl
            ? { REDIS_URL: options.redisUrl, REDIS_KEY_PREFIX: options.redisKeyPrefix }
            : {}),
        }),
      );
      urls.push(`http://127.0.0.1:${port}`);
    }
  } catch (err) {
    await stopAll(children);
    throw err;
  }
  return {
    urls,
    pids: children.map(({ child }) => child.pid ?? 0),
    outputs: () => children.map((child) => child.output() + child.errors()),
    stop: () => stopAll(children),
  };
}
