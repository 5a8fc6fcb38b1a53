/**
 * `pnpm bench:soak [--minutes 10] [--clients 500] [--nodes 2] [--warmup-minutes 2]
 * [--heap-snapshots] [--cpu-prof <dir>]`
 *
 * Many people churning for a long time: joining, leaving, moving between tables and themes,
 * losing the network and reconnecting to another node. Samples every node's RSS and Redis'
 * memory, compares the level at the end with the level after warm-up, and after everyone has
 * left checks that Redis holds nothing of theirs. Writes `test-output/bench/soak.{json,md}` and
 * exits 1 when a level moved more than 10 % or a key leaked.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { startOwnRedis } from '../support/redis-server';
import { createTestDatabase, redisNamespace } from '../support/services';
import { sampleProcess } from './process-stats';
import { takeHeapSnapshots } from './heap-snapshots';
import { seedOnOwnNode } from './seed';
import { startChurn } from './soak-churn';
import { leftoverKeys, redisInfo, streamSize } from './soak-keys';
import { levelsOf, type SoakResult, type SoakSample, soakMarkdown } from './soak-report';
import { startKohtaamo, type Target } from './targets';

const { values: args } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    clients: { type: 'string', default: '500' },
    nodes: { type: 'string', default: '2' },
    'warmup-minutes': { type: 'string' },
    'think-ms': { type: 'string', default: '2000' },
    'heap-snapshots': { type: 'boolean', default: false },
    'cpu-prof': { type: 'string' },
  },
});
const minutes = Number(args.minutes);
const clients = Number(args.clients);
const nodes = Number(args.nodes);
/**
 * Socket.IO's stream fills for the server's reconnect grace plus a margin (2.5 min by default,
 * `stream-trim.ts`) and then holds steady; the warm-up outlasts it when the run is long enough.
 */
const warmUpMinutes = Number(args['warmup-minutes'] ?? Math.min(3, minutes / 3));
const thinkMs = Number(args['think-ms']);
const heapSnapshots = args['heap-snapshots'];
const cpuProfileDir = args['cpu-prof'] ? path.resolve(args['cpu-prof']) : undefined;
const SAMPLE_EVERY_MS = 5_000;
/** How long a placement may take to leave Redis after its person closed the tab. */
const PLACES_GONE_WITHIN_MS = 30_000;
const databaseAdminUrl =
  process.env.KOHTAAMO_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const outputDir = fileURLToPath(new URL('../../test-output/bench/', import.meta.url));
const heapDir = path.join(outputDir, 'heap');
const MB = 1024 * 1024;

function log(line: string): void {
  console.log(`[soak ${new Date().toISOString().slice(11, 19)}] ${line}`);
}

interface OpenInterval {
  registration_id: string;
  table_id: string;
  joined_at: Date;
}

/** V8's used heap as the node reports it on /metrics: RSS alone cannot tell a leak from slack. */
async function heapUsedMb(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const line = /^kohtaamo_nodejs_heap_size_used_bytes (\S+)$/m.exec(text);
  return Number(line?.[1] ?? NaN) / MB;
}

async function openSeatIntervals(databaseUrl: string): Promise<OpenInterval[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<OpenInterval>(
      'select registration_id, table_id, joined_at from seat_intervals where left_at is null',
    );
    return rows;
  } finally {
    await client.end();
  }
}

/** Polls until no key of a person's placement is left; seconds it took, or null. */
async function placementsGone(redisUrl: string, prefix: string): Promise<number | null> {
  const startedMs = Date.now();
  while (Date.now() - startedMs < PLACES_GONE_WITHIN_MS) {
    const { leaked } = await leftoverKeys(redisUrl, prefix);
    if (leaked.length === 0) return (Date.now() - startedMs) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return null;
}

async function main(): Promise<void> {
  const startedAt = new Date();
  log(`${clients} clients on ${nodes} node(s) for ${minutes} min (warm-up ${warmUpMinutes} min)`);
  // A Redis of its own, so its memory is this run's alone.
  const redis = await startOwnRedis();
  const namespace = redisNamespace(redis.url);
  const database = await createTestDatabase(databaseAdminUrl);
  // Stopped however the run ends, so a failed run leaves no node or timer behind.
  let started: Target | undefined;
  let sampler: NodeJS.Timeout | undefined;
  try {
    const seeded = await seedOnOwnNode(database.url, clients);
    if (heapSnapshots) await mkdir(heapDir, { recursive: true });
    const target = await startKohtaamo({
      nodes,
      databaseUrl: database.url,
      redisUrl: nodes > 1 ? redis.url : undefined,
      redisKeyPrefix: namespace.prefix,
      sessionSecret: seeded.sessionSecret,
      heapSnapshotDir: heapSnapshots ? heapDir : undefined,
      cpuProfileDir,
    });
    started = target;
    const samples: SoakSample[] = [];
    let churnStartMs = performance.now();
    const sample = async () => {
      const info = await redisInfo(redis.url, 'memory');
      const stream = await streamSize(redis.url, namespace.prefix);
      samples.push({
        atS: (performance.now() - churnStartMs) / 1000,
        rssMb: target.pids.map((pid) => sampleProcess(pid).rssBytes / MB),
        heapUsedMb: await Promise.all(target.urls.map(heapUsedMb)),
        redisUsedMb: Number(info.used_memory) / MB,
        streamMb: stream.bytes / MB,
        streamEntries: stream.entries,
        connected: churn.connected(),
      });
    };
    const churn = await startChurn({
      urls: target.urls,
      fair: seeded.fair,
      participants: seeded.participants,
      thinkMs,
      reconnectChance: 0.03,
      seed: 8,
    });
    churnStartMs = performance.now();
    log(`${churn.connected()} connected; churning`);
    sampler = setInterval(() => {
      sample().catch((err: unknown) => log(`sample failed: ${String(err)}`));
    }, SAMPLE_EVERY_MS);
    const endMs = churnStartMs + minutes * 60_000;
    const snapshot = async (label: string) => {
      log(
        `heap snapshots written: ${(await takeHeapSnapshots(target, heapDir, label)).join(', ')}`,
      );
    };
    const warmSnapshot = heapSnapshots
      ? new Promise((resolve) => setTimeout(resolve, warmUpMinutes * 60_000)).then(() =>
          snapshot('warm'),
        )
      : undefined;
    while (performance.now() < endMs) {
      await new Promise((resolve) => setTimeout(resolve, 30_000));
      const last = samples.at(-1);
      if (last) {
        log(
          `${Math.round(last.atS)} s: RSS ${last.rssMb.map((mb) => mb.toFixed(0)).join(' / ')} MB ` +
            `(heap used ${last.heapUsedMb.map((mb) => mb.toFixed(0)).join(' / ')}), ` +
            `Redis ${last.redisUsedMb.toFixed(1)} MB (stream ${last.streamMb.toFixed(1)} MB, ` +
            `${last.streamEntries} entries), ` +
            `${last.connected} connected, moves ${JSON.stringify(churn.counts.moves)}`,
        );
      }
    }
    if (heapSnapshots) {
      await warmSnapshot;
      await snapshot('end');
    }
    clearInterval(sampler);
    await churn.stop();
    churn.disconnectAll();
    log('everyone left; checking what Redis and the store kept');
    const placesGoneAfterS = await placementsGone(redis.url, namespace.prefix);
    const keys = await leftoverKeys(redis.url, namespace.prefix);
    // Seat intervals are ended just after presence frees the places (one store write each,
    // behind the leaving crowd's other writes), so they get the same time to settle.
    const settleStartMs = Date.now();
    let open = await openSeatIntervals(database.url);
    while (open.length > 0 && Date.now() - settleStartMs < PLACES_GONE_WITHIN_MS) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      open = await openSeatIntervals(database.url);
    }
    const endS = minutes * 60;
    const levels = levelsOf(samples, {
      warmUpS: warmUpMinutes * 60,
      windowS: Math.min(60, (endS - warmUpMinutes * 60) / 3),
      endS,
    });
    const problems = [
      ...levels
        .filter((level) => level.withinLimit === false)
        .map((level) => `${level.name} moved ${level.changePercent.toFixed(1)} %`),
      ...keys.leaked.map((key) => `leaked ${key.key}`),
      ...(open.length > 0 ? [`${open.length} seat intervals still open`] : []),
      ...(placesGoneAfterS === null ? ['placements stayed in Redis'] : []),
    ];
    const result: SoakResult = {
      startedAt: startedAt.toISOString(),
      options: { minutes, clients, nodes, warmUpMinutes, thinkMs },
      machine: { cores: cpus().length, node: process.version, loadAverage: loadavg() },
      samples,
      levels,
      churn: churn.counts,
      keys,
      placesGoneAfterS,
      openSeatIntervals: open.map((interval) => ({
        ...interval,
        steps: churn.stepsOf(interval.registration_id),
      })),
      problems,
    };
    await target.stop();
    await mkdir(outputDir, { recursive: true });
    // The nodes' warnings and errors (LOG_LEVEL=warn), to explain any refusal counted above.
    for (const [i, output] of target.outputs().entries()) {
      await writeFile(path.join(outputDir, `soak-node-${i + 1}.log`), output);
    }
    const markdown = soakMarkdown(result);
    await writeFile(path.join(outputDir, 'soak.json'), `${JSON.stringify(result, null, 2)}\n`);
    await writeFile(path.join(outputDir, 'soak.md'), markdown);
    console.log(`\n${markdown}`);
    if (problems.length > 0) process.exitCode = 1;
  } finally {
    clearInterval(sampler);
    await started?.stop();
    await namespace.clear();
    await database.drop();
    await redis.stop();
  }
}

main().catch((err: unknown) => {
  console.error('✗ the soak could not run:', err);
  process.exitCode = 1;
});
