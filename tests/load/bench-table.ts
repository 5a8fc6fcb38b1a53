import { FAIR_SHAPE } from './fair-shape';
import type { Measurement } from './measurement';
import type { Scenario } from './scenarios';

type ScenarioResult = Report['results'][number];

interface Report {
  startedAt: string;
  durationS: number;
  mode: string;
  machine: { cpu: string; cores: number; memoryGb: number; node: string };
  timings: { settleMs: number; measureMs: number; burstMs: number };
  results: {
    scenario: Scenario;
    baseline?: Measurement;
    kohtaamo?: Measurement;
    problems: string[];
  }[];
}

function number(value: number): string {
  if (!Number.isFinite(value)) return '–';
  if (Math.abs(value) >= 100) return value.toFixed(0);
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

function ratio(kohtaamo: number, baseline: number): number {
  return baseline > 0 ? kohtaamo / baseline : Number.NaN;
}

/** "Kohtaamo / baseline (ratio×)" for one metric. */
function cell(result: Report['results'][number], pick: (m: Measurement) => number): string {
  const { kohtaamo, baseline } = result;
  if (!kohtaamo || !baseline) return kohtaamo ? number(pick(kohtaamo)) : '–';
  const k = pick(kohtaamo);
  const b = pick(baseline);
  return `${number(k)} / ${number(b)} (**${number(ratio(k, b))}×**)`;
}

const columns: [string, (m: Measurement) => number][] = [
  ['move→diff p50 ms', (m) => m.moveToDiffMs.p50],
  ['p95 ms', (m) => m.moveToDiffMs.p95],
  ['p99 ms', (m) => m.moveToDiffMs.p99],
  ['max ms', (m) => m.moveToDiffMs.max],
  ['ack p99 ms', (m) => m.ackMs.p99],
  ['acks/s', (m) => m.acksPerS],
  ['deliveries/s', (m) => m.deliveriesPerS],
  ['burst acks/s', (m) => m.burstAcksPerS],
  ['bytes/client/s', (m) => m.bytesPerClientPerS],
  ['msgs/client/s', (m) => m.messagesPerClientPerS],
  ['server CPU %', (m) => m.cpuPercent],
  ['CPU ms/move', (m) => m.cpuMsPerMove],
  ['kB/participant', (m) => m.kbPerParticipant],
];

function goal(label: string, value: number, limit: string, met: boolean | undefined): string {
  const verdict = met === undefined ? 'not measurable in this run' : met ? '✓ met' : '✗ missed';
  return `| ${label} | ${number(value)} | ${limit} | ${verdict} |`;
}

function goals(report: Report): string[] {
  const find = (nodes: number, participants: number) =>
    report.results.find(
      (r) => r.scenario.nodes === nodes && r.scenario.participants === participants,
    );
  const one = find(1, 2000);
  const two = find(2, 2000);
  const small = find(1, 500);
  const rows = ['| goal | measured | target | |', '| --- | --- | --- | --- |'];
  const both = (r: typeof one) => (r?.kohtaamo && r.baseline ? r : undefined);
  const oneBoth = both(one);
  const p99 = oneBoth
    ? ratio(oneBoth.kohtaamo!.moveToDiffMs.p99, oneBoth.baseline!.moveToDiffMs.p99)
    : NaN;
  rows.push(
    goal('1 node, 2000: p99 move→diff ÷ baseline', p99, '≤ 1.5', oneBoth ? p99 <= 1.5 : undefined),
  );
  const throughput = oneBoth
    ? ratio(oneBoth.kohtaamo!.burstAcksPerS, oneBoth.baseline!.burstAcksPerS)
    : NaN;
  rows.push(
    goal(
      '1 node, 2000: burst acks/s ÷ baseline',
      throughput,
      '≥ 0.77 (1/1.3)',
      oneBoth ? throughput >= 1 / 1.3 : undefined,
    ),
  );
  // Each scenario starts fresh processes whose start-up garbage is collected at different times,
  // so the memory a participant costs is read as the slope between the one-node scenarios.
  const slope = (pick: (r: ScenarioResult) => Measurement | undefined) => {
    const a = small && pick(small);
    const b = one && pick(one);
    if (!a || !b || !small || !one) return NaN;
    const people = one.scenario.participants - small.scenario.participants;
    return ((b.rssLoadedMb - a.rssLoadedMb) * 1024) / people;
  };
  const kohtaamoSlope = slope((r) => r.kohtaamo);
  const baselineSlope = slope((r) => r.baseline);
  const memory = ratio(kohtaamoSlope, baselineSlope);
  rows.push(
    goal(
      `memory per participant ÷ baseline (RSS slope 500→2000: ${number(kohtaamoSlope)} / ${number(baselineSlope)} kB)`,
      memory,
      '≤ 1.3',
      // A slope at or below zero means the start-up garbage outweighed the participants.
      kohtaamoSlope > 0 && baselineSlope > 0 ? memory <= 1.3 : undefined,
    ),
  );
  const nodes =
    one?.kohtaamo && two?.kohtaamo
      ? ratio(two.kohtaamo.moveToDiffMs.p99, one.kohtaamo.moveToDiffMs.p99)
      : NaN;
  rows.push(
    goal(
      'Kohtaamo p99: 2 nodes ÷ 1 node (2000)',
      nodes,
      '≤ 1.5',
      one?.kohtaamo && two?.kohtaamo ? nodes <= 1.5 : undefined,
    ),
  );
  if (small?.kohtaamo && one?.kohtaamo) {
    const growth = ratio(one.kohtaamo.bytesPerClientPerS, small.kohtaamo.bytesPerClientPerS);
    const bareGrowth =
      small.baseline && one.baseline
        ? ` (baseline ${number(ratio(one.baseline.bytesPerClientPerS, small.baseline.bytesPerClientPerS))}×)`
        : '';
    rows.push(
      `| Kohtaamo bytes/client/s, 2000 ÷ 500 | ${number(growth)}${bareGrowth} | ≤ 4 (the size of a theme grows 4×) | ${growth <= 4 ? '✓ met' : '✗ missed'} |`,
    );
  }
  return rows;
}

/** Per-client traffic next to the size of a room, to show what the fan-out grows with. */
function fanout(report: Report): string[] {
  const rows = [
    '| scenario | people per theme | bytes/client/s | lobby diffs/client/s | msgs/client/s |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const result of report.results) {
    const perTheme = result.scenario.participants / FAIR_SHAPE.rooms;
    rows.push(
      `| ${result.scenario.name} | ${number(perTheme)} | ${cell(result, (m) => m.bytesPerClientPerS)} | ` +
        `${cell(result, (m) => m.lobbyDiffsPerClientPerS)} | ${cell(result, (m) => m.messagesPerClientPerS)} |`,
    );
  }
  return rows;
}

export function benchTable(report: Report): string {
  const { machine, timings } = report;
  const lines = [
    `# Kohtaamo load benchmark (${report.mode})`,
    '',
    `${report.startedAt}, ${report.durationS} s. ${machine.cpu}, ${machine.cores} cores, ` +
      `${machine.memoryGb} GB, Node ${machine.node}. Each scenario: ${timings.settleMs / 1000} s ` +
      `arriving, ${timings.measureMs / 1000} s measured, ${timings.burstMs / 1000} s burst.`,
    '',
    'Each cell: Kohtaamo / bare Socket.IO baseline (**Kohtaamo ÷ baseline**), measured in this run.',
    '',
    `| scenario | ${columns.map(([name]) => name).join(' | ')} |`,
    `| --- | ${columns.map(() => '---').join(' | ')} |`,
    ...report.results.map(
      (result) =>
        `| ${result.scenario.name} | ${columns.map(([, pick]) => cell(result, pick)).join(' | ')} |`,
    ),
    '',
    '## Fan-out',
    '',
    ...fanout(report),
    '',
    '## Goals',
    '',
    ...goals(report),
    '',
  ];
  const problems = report.results.filter((result) => result.problems.length > 0);
  if (problems.length > 0) {
    lines.push('## Scenarios that did not run as planned', '');
    for (const result of problems)
      lines.push(`- ${result.scenario.name}: ${result.problems.join('; ')}`);
    lines.push('');
  }
  return lines.join('\n');
}
