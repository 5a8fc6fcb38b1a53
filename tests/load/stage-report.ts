import { median, type Timing } from './stage-operations';

/** One round: the same people to the stage and back, by themselves and by the organiser. */
export interface StageRound {
  selfToStage: Timing;
  selfBack: Timing;
  stageCall: Timing;
  stageReturn: Timing;
}

export interface StageConfigResult {
  name: string;
  nodes: number;
  people: number;
  rounds: StageRound[];
  problems: string[];
}

/** Organiser's operation ÷ the self-moves of the same round, for the times that compare. */
interface Ratios {
  /** Last participant at the stage: stage.call ÷ self-moves. */
  call: number;
  /** Last participant back at their table: stage.return ÷ self-moves. */
  return: number;
  callCpu: number;
  returnCpu: number;
}

type Summary = StageConfigResult & {
  /** Each metric's median over the rounds; each ratio's median over the rounds' own ratios. */
  median?: { round: StageRound; ratios: Ratios };
  ratiosByRound: Ratios[];
};

function medianTiming(timings: Timing[]): Timing {
  const acks = timings.map((t) => t.ackMs);
  return {
    ackMs: acks.every((ack) => ack !== null) ? median(acks) : null,
    lastMs: median(timings.map((t) => t.lastMs)),
    medianMs: median(timings.map((t) => t.medianMs)),
    trailingMs: median(timings.map((t) => t.trailingMs)),
    serverCpuMs: median(timings.map((t) => t.serverCpuMs)),
    healthMaxMs: (timings[0]?.healthMaxMs ?? []).map((_, node) =>
      median(timings.map((t) => t.healthMaxMs[node] ?? Number.NaN)),
    ),
  };
}

function ratiosOf(round: StageRound): Ratios {
  return {
    call: round.stageCall.lastMs / round.selfToStage.lastMs,
    return: round.stageReturn.lastMs / round.selfBack.lastMs,
    callCpu: round.stageCall.serverCpuMs / round.selfToStage.serverCpuMs,
    returnCpu: round.stageReturn.serverCpuMs / round.selfBack.serverCpuMs,
  };
}

export function summarise(result: StageConfigResult): Summary {
  const ratiosByRound = result.rounds.map(ratiosOf);
  if (result.rounds.length === 0) return { ...result, ratiosByRound };
  const pick = (key: keyof StageRound) => medianTiming(result.rounds.map((round) => round[key]));
  const ratio = (key: keyof Ratios) => median(ratiosByRound.map((ratios) => ratios[key]));
  return {
    ...result,
    ratiosByRound,
    median: {
      round: {
        selfToStage: pick('selfToStage'),
        selfBack: pick('selfBack'),
        stageCall: pick('stageCall'),
        stageReturn: pick('stageReturn'),
      },
      ratios: {
        call: ratio('call'),
        return: ratio('return'),
        callCpu: ratio('callCpu'),
        returnCpu: ratio('returnCpu'),
      },
    },
  };
}

function number(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '–';
  if (Math.abs(value) >= 100) return value.toFixed(0);
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

const OPERATIONS: [keyof StageRound, string][] = [
  ['stageCall', 'everyone to the stage: `stage.call`'],
  ['selfToStage', 'baseline: each `presence.go` to the stage'],
  ['stageReturn', 'back to your tables: `stage.return`'],
  ['selfBack', 'baseline: each `presence.go` to their table'],
];

/** The markdown of `stage.md`: ratios first, then the absolute times they come from. */
export function stageTable(report: {
  startedAt: string;
  command: string;
  results: Summary[];
}): string {
  const lines = [
    `Stage call at scale — \`${report.command}\`, ${report.startedAt}. Medians over the rounds; ` +
      `ratios are the organiser's operation ÷ the self-moves of the same round.`,
    '',
    '| scenario | stage.call ÷ self-moves | stage.return ÷ self-moves | CPU: call ÷ self | CPU: return ÷ self | rounds |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const result of report.results) {
    const ratios = result.median?.ratios;
    const range = (key: keyof Ratios) =>
      `**${number(ratios?.[key] ?? null)}×** (${result.ratiosByRound.map((r) => number(r[key])).join(', ')})`;
    lines.push(
      `| ${result.name}, ${result.people} | ${range('call')} | ${range('return')} | ${range('callCpu')} | ${range('returnCpu')} | ${result.rounds.length} |`,
    );
  }
  lines.push(
    '',
    '| scenario | operation | ack ms | half there ms | last there ms | busy after ms | server CPU ms | slowest /healthz ms per node |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  );
  for (const result of report.results) {
    for (const [key, label] of OPERATIONS) {
      const timing = result.median?.round[key];
      if (!timing) continue;
      lines.push(
        `| ${result.name}, ${result.people} | ${label} | ${number(timing.ackMs)} | ${number(timing.medianMs)} | ${number(timing.lastMs)} | ${number(timing.trailingMs)} | ${number(timing.serverCpuMs)} | ${timing.healthMaxMs.map(number).join(' / ')} |`,
      );
    }
  }
  const problems = report.results.flatMap((r) => r.problems.map((p) => `- ${r.name}: ${p}`));
  if (problems.length > 0) lines.push('', '**Problems**', '', ...problems);
  return `${lines.join('\n')}\n`;
}
