/**
 * `pnpm bench:stage [--people 500] [--rounds 3] [--cpu-prof <dir>]`
 *
 * Everyone seated at their own table (tables of 6), one organiser: "everyone to the stage"
 * and "back to your tables", on one node and on two nodes over Redis (half the people on each),
 * against the baseline of the same people making the same moves themselves at once, in the
 * same run. Writes `test-output/bench/stage.{json,md}`; exits 1 when anything did not go as
 * planned, including anyone not back at exactly their own table.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Socket } from 'socket.io-client';
import { createTestDatabase, redisNamespace } from '../support/services';
import { FAIR_SHAPE } from './fair-shape';
import { type SeededKohtaamo, seedOnOwnNode } from './seed';
import { connectAs, connectCrowd, type Crowd, homeTables } from './stage-crowd';
import {
  home,
  organiserMove,
  selfMoves,
  STAGE,
  type Timing,
  verifyEveryoneHome,
} from './stage-operations';
import { type StageConfigResult, type StageRound, stageTable, summarise } from './stage-report';
import { startKohtaamo, type Target } from './targets';

const { values: args } = parseArgs({
  options: {
    people: { type: 'string', default: '500' },
    rounds: { type: 'string', default: '3' },
    'cpu-prof': { type: 'string' },
  },
});
const people = Number(args.people);
const rounds = Number(args.rounds);
if (!Number.isInteger(people) || people < 1 || !Number.isInteger(rounds) || rounds < 1) {
  throw new Error('--people and --rounds take positive whole numbers');
}
const databaseAdminUrl =
  process.env.KOHTAAMO_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const redisUrl = process.env.KOHTAAMO_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const outputDir = fileURLToPath(new URL('../../test-output/bench/', import.meta.url));
const cpuProfileDir = args['cpu-prof'] ? path.resolve(args['cpu-prof']) : undefined;
const CONFIGS = [
  { name: '1 node', nodes: 1 },
  { name: '2 nodes', nodes: 2 },
] as const;

/**
 * A call comes after people have sat together: with the shortest threshold the fair allows and
 * everyone seated a little longer than it before the first operation, everyone has met their
 * tablemates, so each freed seat does the meeting work it does at a real fair.
 */
const MEETING_THRESHOLD_S = 10;
const SEATED_BEFORE_MS = (MEETING_THRESHOLD_S + 2) * 1000;

function log(line: string): void {
  console.log(`[bench:stage ${new Date().toISOString().slice(11, 19)}] ${line}`);
}

const ms = (value: number | null) => (value === null ? '–' : `${value.toFixed(0)} ms`);
const describe = (label: string, timing: Timing) =>
  `${label}: ack ${ms(timing.ackMs)}, last ${ms(timing.lastMs)}, ` +
  `busy after ${ms(timing.trailingMs)}, server CPU ${ms(timing.serverCpuMs)}, slowest /healthz ${timing.healthMaxMs.map(ms).join(' / ')}`;

/** Everyone to the stage and back by themselves, then by the organiser (or the other way). */
async function round(
  target: Target,
  organiser: Socket,
  crowd: Crowd,
  organiserFirst: boolean,
): Promise<StageRound> {
  const bySelf = async () => {
    const selfToStage = await selfMoves(target, crowd, () => STAGE);
    const selfBack = await selfMoves(target, crowd, home);
    await verifyEveryoneHome(crowd, false);
    return { selfToStage, selfBack };
  };
  const byOrganiser = async () => {
    const stageCall = await organiserMove(target, organiser, crowd, 'stage.call', () => STAGE);
    const stageReturn = await organiserMove(target, organiser, crowd, 'stage.return', home);
    await verifyEveryoneHome(crowd, true);
    return { stageCall, stageReturn };
  };
  if (organiserFirst) {
    const organised = await byOrganiser();
    return { ...(await bySelf()), ...organised };
  }
  const self = await bySelf();
  return { ...self, ...(await byOrganiser()) };
}

async function runConfig(
  config: (typeof CONFIGS)[number],
  seeded: SeededKohtaamo,
): Promise<StageConfigResult> {
  const result: StageConfigResult = { ...config, people, rounds: [], problems: [] };
  const redis = redisNamespace(redisUrl);
  const target = await startKohtaamo({
    nodes: config.nodes,
    databaseUrl: seeded.databaseUrl,
    redisUrl: config.nodes > 1 ? redisUrl : undefined,
    redisKeyPrefix: redis.prefix,
    sessionSecret: seeded.sessionSecret,
    cpuProfileDir,
  });
  let crowd: Crowd | undefined;
  let organiser: Socket | undefined;
  try {
    const firstUrl = target.urls[0] ?? '';
    organiser = await connectAs(firstUrl, seeded.organiser.cookie, seeded.fair.fairId);
    crowd = await connectCrowd({
      urls: target.urls,
      fair: seeded.fair,
      participants: seeded.participants,
      homes: homeTables(seeded.fair, people, FAIR_SHAPE.capacity),
    });
    log(`${config.name}: ${people} seated, organiser on node 1`);
    await new Promise((resolve) => setTimeout(resolve, SEATED_BEFORE_MS));
    // The first of each operation pays for compiling and caching; it is not counted.
    await round(target, organiser, crowd, false);
    log(`${config.name}: warmed up`);
    for (let index = 0; index < rounds; index += 1) {
      const measured = await round(target, organiser, crowd, index % 2 === 1);
      result.rounds.push(measured);
      log(`${config.name}, round ${index + 1}:`);
      for (const [label, timing] of Object.entries(measured)) log(`  ${describe(label, timing)}`);
    }
  } catch (err) {
    result.problems.push(err instanceof Error ? err.message : String(err));
  } finally {
    crowd?.close();
    organiser?.disconnect();
    await target.stop();
    await redis.clear();
  }
  return result;
}

function machine() {
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    fileDescriptorLimit: execFileSync('sh', ['-c', 'ulimit -n']).toString().trim(),
  };
}

async function main(): Promise<void> {
  const host = machine();
  const needed = people * 2 + 500;
  if (host.fileDescriptorLimit !== 'unlimited' && Number(host.fileDescriptorLimit) < needed) {
    throw new Error(
      `ulimit -n is ${host.fileDescriptorLimit}; raise it to ${needed} and run again`,
    );
  }
  const startedAt = new Date();
  const seatsPerRoom = FAIR_SHAPE.rooms * FAIR_SHAPE.capacity;
  const tablesPerRoom = Math.max(FAIR_SHAPE.tables, Math.ceil(people / seatsPerRoom));
  log(
    `${people} people, ${FAIR_SHAPE.rooms} themes × ${tablesPerRoom} tables of 6, ${rounds} rounds`,
  );
  const results: StageConfigResult[] = [];
  for (const config of CONFIGS) {
    // A fair of its own for each scenario: every round adds sittings, and the work a freed seat
    // causes grows with them, so each scenario starts from the same history.
    const database = await createTestDatabase(databaseAdminUrl);
    try {
      const seeded = await seedOnOwnNode(database.url, people, {
        tablesPerRoom,
        meetingThresholdSeconds: MEETING_THRESHOLD_S,
      });
      results.push(await runConfig(config, seeded));
    } finally {
      await database.drop();
    }
  }
  const report = {
    startedAt: startedAt.toISOString(),
    durationS: Math.round((Date.now() - startedAt.getTime()) / 1000),
    command: `pnpm bench:stage --people ${people} --rounds ${rounds}`,
    machine: host,
    fair: { themes: FAIR_SHAPE.rooms, tablesPerRoom, capacity: FAIR_SHAPE.capacity },
    results: results.map(summarise),
  };
  const table = stageTable(report);
  await mkdir(outputDir, { recursive: true });
  await writeFile(path.join(outputDir, 'stage.json'), `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(path.join(outputDir, 'stage.md'), table);
  console.log(`\n${table}`);
  log(`wrote ${path.join(outputDir, 'stage.json')} and stage.md in ${report.durationS} s`);
  const failed = results.filter((result) => result.problems.length > 0);
  for (const result of failed) console.error(`✗ ${result.name}: ${result.problems.join('; ')}`);
  if (failed.length > 0) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error('✗ the stage benchmark could not run:', err);
  process.exitCode = 1;
});
