import net from 'node:net';

/**
 * Finds out once, before any suite runs, which backing services are reachable. Suites that need
 * one read the variable set here; without it they do not run, and this prints one line saying
 * so. CI sets KOHTAAMO_REQUIRE_SERVICES=1, which turns a missing service into a failure.
 */
const services = [
  {
    name: 'PostgreSQL',
    urlVariable: 'KOHTAAMO_TEST_DATABASE_URL',
    defaultUrl: 'postgres://postgres@127.0.0.1:5432/test',
    defaultPort: 5432,
    suites: 'the store, API and process suites on PostgreSQL, the multi-node suite',
  },
  {
    name: 'Redis',
    urlVariable: 'KOHTAAMO_TEST_REDIS_URL',
    defaultUrl: 'redis://127.0.0.1:6379',
    defaultPort: 6379,
    suites: 'the Redis presence contract, the multi-node suite',
  },
] as const;

const PROBE_TIMEOUT_MS = 1_000;

function reachable(url: string, defaultPort: number): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || defaultPort) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(PROBE_TIMEOUT_MS, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export default async function setup(): Promise<void> {
  const missing: string[] = [];
  for (const service of services) {
    const url = process.env[service.urlVariable] ?? service.defaultUrl;
    if (await reachable(url, service.defaultPort)) {
      process.env[service.urlVariable] = url;
    } else {
      delete process.env[service.urlVariable];
      missing.push(`${service.name} at ${url} (${service.suites})`);
    }
  }
  if (missing.length === 0) return;
  const line = `Not reachable, so these did not run: ${missing.join('; ')}.`;
  if (process.env.KOHTAAMO_REQUIRE_SERVICES === '1') throw new Error(line);
  console.warn(`\n⚠ ${line}\n`);
}
