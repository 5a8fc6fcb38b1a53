import type { SwarmTimings } from './swarm';

export interface Scenario {
  name: string;
  nodes: number;
  participants: number;
}

/** Every participant thinks 10–30 s between decisions: about N/20 decisions a second. */
const THINK = { thinkMinMs: 10_000, thinkMaxMs: 30_000 };

export const modes = {
  /** `pnpm bench`: the goals' scenarios, briefly (under 3 minutes with start-ups). */
  short: {
    scenarios: [
      { name: '1 node, 500', nodes: 1, participants: 500 },
      { name: '1 node, 2000', nodes: 1, participants: 2000 },
      { name: '2 nodes, 2000', nodes: 2, participants: 2000 },
    ],
    timings: { settleMs: 3_000, measureMs: 12_000, burstMs: 3_000, ...THINK },
  },
  /** `pnpm bench --full`: every scenario, long enough for steady p99s. */
  full: {
    scenarios: [
      { name: '1 node, 500', nodes: 1, participants: 500 },
      { name: '1 node, 1000', nodes: 1, participants: 1000 },
      { name: '1 node, 2000', nodes: 1, participants: 2000 },
      { name: '2 nodes, 2000', nodes: 2, participants: 2000 },
    ],
    timings: { settleMs: 15_000, measureMs: 60_000, burstMs: 10_000, ...THINK },
  },
} satisfies Record<string, { scenarios: Scenario[]; timings: SwarmTimings }>;
