import type { AgendaCue, AgendaKind, LiveAgendaState } from '@kohtaamo/protocol';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createLiveAgenda, type LiveAgenda } from '../src/live-agenda/live-agenda-service';
import type { Store } from '../src/store/types';
import { eventually } from './live-harness';
import { storeBackends, useStore } from './store-backends';
import { agendaItem, createFair } from './store-fixtures';

const [pglite] = storeBackends;
const MINUTE_MS = 60_000;

/** One node's live agenda, recording what it would send to its own sockets. */
function node(store: Store, peers: { tell: (fairId: string) => void } = { tell: () => {} }) {
  const heard = {
    cues: [] as AgendaCue[],
    states: [] as LiveAgendaState[],
    rounds: [] as string[],
  };
  const agenda = createLiveAgenda({
    store,
    logger: pino({ level: 'silent' }),
    nowMs: () => Date.now(),
    local: {
      state: (_fairId, state) => heard.states.push(state),
      cue: (_fairId, cue) => heard.cues.push(cue),
    },
    tellPeers: (fairId) => peers.tell(fairId),
    onRoundStarted: (_fairId, itemId) => heard.rounds.push(itemId),
  });
  return { agenda, heard };
}

describe('the live agenda service of a node', () => {
  let store: Store;
  if (!pglite) throw new Error('PGlite is always available');
  useStore(pglite, (opened) => (store = opened));
  const running: LiveAgenda[] = [];
  afterEach(() => {
    for (const agenda of running.splice(0)) agenda.stop();
  });

  async function fairWith(items: { kind: AgendaKind; fromMs: number; toMs: number }[]) {
    const { fair, organiser } = await createFair(store);
    const now = Date.now();
    const created = [];
    for (const { kind, fromMs, toMs } of items) {
      created.push(
        await store.agenda.create(
          fair.id,
          agendaItem({
            kind,
            startsAt: new Date(now + fromMs).toISOString(),
            endsAt: new Date(now + toMs).toISOString(),
          }),
        ),
      );
    }
    return { fairId: fair.id, organiserId: organiser.id, items: created };
  }

  it('wakes when a round begins by the clock, announces it and calls onRoundStarted once', async () => {
    const fair = await fairWith([{ kind: 'networking_round', fromMs: 400, toMs: 10 * MINUTE_MS }]);
    const { agenda, heard } = node(store);
    running.push(agenda);
    agenda.follow(fair.fairId);
    await eventually(() => expect(heard.rounds).toEqual([fair.items[0]?.id]));
    expect(heard.cues.map((cue) => cue.kind)).toEqual(['round.started']);
    expect(heard.states.at(-1)?.currentId).toBe(fair.items[0]?.id);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(heard.rounds).toHaveLength(1);
  });

  it('calls onRoundStarted for a round started by hand', async () => {
    const fair = await fairWith([
      { kind: 'speech', fromMs: -MINUTE_MS, toMs: 10 * MINUTE_MS },
      { kind: 'networking_round', fromMs: 10 * MINUTE_MS, toMs: 30 * MINUTE_MS },
    ]);
    const { agenda, heard } = node(store);
    running.push(agenda);
    agenda.follow(fair.fairId);
    const roundId = fair.items[1]?.id ?? '';
    await agenda.control(fair.fairId, fair.organiserId, { kind: 'item.start', itemId: roundId });
    await eventually(() => expect(heard.rounds).toEqual([roundId]));
  });

  it("a node told by its peer announces the peer's control at the control's instant, once", async () => {
    const fair = await fairWith([
      { kind: 'networking_round', fromMs: -MINUTE_MS, toMs: 10 * MINUTE_MS },
      { kind: 'closing', fromMs: 10 * MINUTE_MS, toMs: 20 * MINUTE_MS },
    ]);
    const b = node(store);
    const a = node(store, { tell: (fairId) => b.agenda.peerChanged(fairId) });
    running.push(a.agenda, b.agenda);
    a.agenda.follow(fair.fairId);
    b.agenda.follow(fair.fairId);
    await eventually(() => expect(b.heard.states).not.toHaveLength(0));
    const roundId = fair.items[0]?.id ?? '';
    await a.agenda.control(fair.fairId, fair.organiserId, { kind: 'item.end', itemId: roundId });
    for (const { heard } of [a, b]) {
      await eventually(() => expect(heard.cues.map((cue) => cue.kind)).toEqual(['round.ended']));
      expect(heard.states.at(-1)?.currentId).toBe(fair.items[1]?.id);
    }
  });

  it('a node that holds nobody of the fair announces nothing', async () => {
    const fair = await fairWith([{ kind: 'networking_round', fromMs: 200, toMs: MINUTE_MS }]);
    const { agenda, heard } = node(store);
    running.push(agenda);
    agenda.follow(fair.fairId);
    agenda.unfollow(fair.fairId);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(heard.cues).toEqual([]);
    expect(heard.rounds).toEqual([]);
    expect((await agenda.state(fair.fairId)).currentId).toBe(fair.items[0]?.id);
  });
});
