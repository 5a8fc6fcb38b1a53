import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const serverDir = fileURLToPath(new URL('../../apps/server/', import.meta.url));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Suites and benchmarks sign hundreds of people up and in from 127.0.0.1, which the production
 * limits per address would refuse; `env` can still set its own.
 */
const HARNESS_LIMITS = {
  RATE_LIMIT_SIGN_IN: '100000/1m',
  RATE_LIMIT_SIGN_IN_IP: '100000/1m',
  RATE_LIMIT_SIGN_UP: '100000/1m',
  RATE_LIMIT_REGISTRATION: '100000/1m',
};

/**
 * Migrating and seeding a fresh embedded store takes a few seconds on an idle machine and over a
 * minute on a loaded CI runner (measured 60 s at a load average of 18 on two cores).
 */
export const SERVER_START_TIMEOUT_MS = 90_000;

export interface ServerProcess {
  child: ChildProcess;
  /** Everything the process printed to stdout so far. */
  output(): string;
  /** Everything it printed to stderr so far (a crash's stack trace). */
  errors(): string;
  exited: Promise<number | null>;
}

/**
 * Starts `src/main.ts` as `pnpm start` does and resolves once it prints that it is running.
 * `nodeOptions` go to node before the script (e.g. `--cpu-prof`, which NODE_OPTIONS refuses).
 */
export async function startServerProcess(
  env: Record<string, string>,
  nodeOptions: string[] = [],
): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...nodeOptions, '--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    env: { ...process.env, LOG_LEVEL: 'warn', ...HARNESS_LIMITS, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    // A server that is too slow is stopped, or it would outlive the suite that gave up on it.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start:\n${stderr}`));
    }, SERVER_START_TIMEOUT_MS);
    const check = () => {
      if (/Kohtaamo is running at/.test(stdout)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before starting:\n${stdout}\n${stderr}`));
    });
  });
  return { child, output: () => stdout, errors: () => stderr, exited };
}
