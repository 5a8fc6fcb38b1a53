/**
 * `pnpm bench [--full] [--only <scenario name part>] [--cpu-prof <dir>]`
 *
 * For each scenario, the same swarm drives the bare Socket.IO baseline and then Kohtaamo, so
 * every ratio compares two measurements of the same run on the same machine. Writes
 * `test-output/bench/result.json` and `result.md`, and exits non-zero if any scenario could not
 * run as planned.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { execFileSync } from 'node:child_process';
import { createTestDatabase, redisNamespace } from '../support/services';
import { benchTable } from './bench-table';
import type { LoadFair, LoadParticipant } from './fair-shape';
import { type Measurement, measurementOf, type ServerSamples } from './measurement';
import { sampleProcess } from './process-stats';
import { modes, type Scenario } from './scenarios';
import { baselineFair, type SeededKohtaamo, seedOnOwnNode } from './seed';
import { runSwarm, type SwarmTimings } from './swarm';
import { startBaseline, startKohtaamo, type Target } from './targets';

const { values: args } = parseArgs({
  options: {
    full: { type: 'boolean', default: false },
    only: { type: 'string' },
    'cpu-prof': { type: 'string' },
  },
});
const mode = args.full ? modes.full : modes.short;
const scenarios = mode.scenarios.filter((s) => !args.only || s.name.includes(args.only));
const timings: SwarmTimings = mode.timings;
const databaseAdminUrl =
  process.env.KOHTAAMO_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const redisUrl = process.env.KOHTAAMO_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const outputDir = fileURLToPath(new URL('../../test-output/bench/', import.meta.url));
const cpuProfileDir = args['cpu-prof'] ? path.resolve(args['cpu-prof']) : undefined;

export interface ScenarioResult {
  scenario: Scenario;
  baseline?: Measurement;
  kohtaamo?: Measurement;
  problems: string[];
}

function log(line: string): void {
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);
}

/** One server under the swarm: samples its processes around each phase. */
async function drive(
  kind: 'kohtaamo' | 'baseline',
  scenario: Scenario,
  target: Target,
  fair: LoadFair,
  participants: LoadParticipant[],
): Promise<Measurement> {
  const sampleAll = () => target.pids.map(sampleProcess);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const samples: ServerSamples = {
    idle: sampleAll(),
    during: [],
    measure: [],
    burst: [],
    end: [],
    swarmCpuMs: { measure: 0, burst: 0 },
  };
  let sampler: NodeJS.Timeout | undefined;
  const swarm = await runSwarm({
    kind,
    urls: target.urls,
    fair,
    participants,
    timings,
    onConnected: () => log(`${kind}: ${participants.length} connected`),
    onPhase: (phase) => {
      samples[phase] = sampleAll();
      if (phase !== 'end') {
        const { user, system } = process.cpuUsage();
        samples.swarmCpuMs[phase] = (user + system) / 1000;
      }
      clearInterval(sampler);
      if (phase === 'measure') sampler = setInterval(() => samples.during.push(sampleAll()), 500);
    },
  }).finally(() => clearInterval(sampler));
  const measurement = measurementOf(scenario, timings, swarm, samples);
  log(
    `${kind}: p50 ${measurement.moveToDiffMs.p50.toFixed(1)} ms, p99 ${measurement.moveToDiffMs.p99.toFixed(1)} ms, ` +
      `${measurement.acksPerS.toFixed(0)} acks/s, burst ${measurement.burstAcksPerS.toFixed(0)} acks/s, ` +
      `CPU ${measurement.cpuPercent.toFixed(0)} % (${measurement.cpuMsPerMove.toFixed(2)} ms/move; swarm ${measurement.swarmCpuPercent.toFixed(0)} %), ${measurement.kbPerParticipant.toFixed(1)} kB/participant`,
  );
  return measurement;
}

async function runScenario(scenario: Scenario, kohtaamo: SeededKohtaamo): Promise<ScenarioResult> {
  const result: ScenarioResult = { scenario, problems: [] };
  const useRedis = scenario.nodes > 1;

  log(`${scenario.name}: baseline`);
  const baselineRedis = redisNamespace(redisUrl);
  const bare = baselineFair(scenario.participants);
  const baseline = await startBaseline({
    nodes: scenario.nodes,
    fair: bare.fair,
    redisUrl: useRedis ? redisUrl : undefined,
    redisKeyPrefix: baselineRedis.prefix,
  });
  try {
    result.baseline = await drive('baseline', scenario, baseline, bare.fair, bare.participants);
    result.problems.push(...result.baseline.problems.map((problem) => `baseline: ${problem}`));
  } catch (err) {
    result.problems.push(`baseline: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    await baseline.stop();
    await baselineRedis.clear();
  }

  log(`${scenario.name}: kohtaamo`);
  const kohtaamoRedis = redisNamespace(redisUrl);
  const target = await startKohtaamo({
    nodes: scenario.nodes,
    databaseUrl: kohtaamo.databaseUrl,
    redisUrl: useRedis ? redisUrl : undefined,
    redisKeyPrefix: kohtaamoRedis.prefix,
    sessionSecret: kohtaamo.sessionSecret,
    cpuProfileDir,
  });
  try {
    const { fair, participants } = kohtaamo;
    result.kohtaamo = await drive(
      'kohtaamo',
      scenario,
      target,
      fair,
      participants.slice(0, scenario.participants),
    );
    result.problems.push(...result.kohtaamo.problems.map((problem) => `kohtaamo: ${problem}`));
  } catch (err) {
    result.problems.push(`kohtaamo: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    await target.stop();
    await kohtaamoRedis.clear();
  }
  return result;
}

function machine() {
  const fdLimit = execFileSync('sh', ['-c', 'ulimit -n']).toString().trim();
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    fileDescriptorLimit: fdLimit,
  };
}

async function main(): Promise<void> {
  const host = machine();
  const needed = Math.max(...scenarios.map((s) => s.participants)) * 2 + 500;
  if (host.fileDescriptorLimit !== 'unlimited' && Number(host.fileDescriptorLimit) < needed) {
    throw new Error(
      `ulimit -n is ${host.fileDescriptorLimit}; the swarm and servers need about ${needed} ` +
        `open files. Raise it (ulimit -n ${needed}) and run again.`,
    );
  }
  log(`${args.full ? 'full' : 'short'} run: ${scenarios.map((s) => s.name).join('; ')}`);
  const startedAt = new Date();
  const database = await createTestDatabase(databaseAdminUrl);
  const results: ScenarioResult[] = [];
  try {
    const kohtaamo = await seedOnOwnNode(
      database.url,
      Math.max(...scenarios.map((s) => s.participants)),
    );
    log(`seeded a fair with ${kohtaamo.participants.length} participants`);
    for (const scenario of scenarios) results.push(await runScenario(scenario, kohtaamo));
  } finally {
    await database.drop();
  }
  const report = {
    startedAt: startedAt.toISOString(),
    durationS: Math.round((Date.now() - startedAt.getTime()) / 1000),
    mode: args.full ? 'full' : 'short',
    machine: host,
    timings,
    results,
  };
  await mkdir(outputDir, { recursive: true });
  const table = benchTable(report);
  await writeFile(path.join(outputDir, 'result.json'), `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(path.join(outputDir, 'result.md'), table);
  console.log(`\n${table}`);
  log(`wrote ${path.join(outputDir, 'result.json')} and result.md in ${report.durationS} s`);
  const failed = results.filter((result) => result.problems.length > 0);
  if (failed.length > 0) {
    for (const result of failed) {
      console.error(`✗ ${result.scenario.name}: ${result.problems.join('; ')}`);
    }
    process.exitCode = 1;
  }
}

main().catch((err: unknown) => {
  console.error('✗ the benchmark could not run:', err);
  process.exitCode = 1;
});
