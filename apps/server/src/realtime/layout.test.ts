import type { Room } from '@kohtaamo/protocol';
import { describe, expect, it } from 'vitest';
import type { StageCallRecord } from '../store/moderation';
import { createLayoutCache } from './layout';

const FAIR = '6f1d2c3b-4a5e-4f60-8b7a-9c0d1e2f3a4b';
const ROOM = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const TABLE = '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e';

const housing: Room = {
  id: ROOM,
  fairId: FAIR,
  names: { en: 'Housing' },
  description: {},
  position: 0,
  facilitatorIds: [],
  tables: [
    { id: TABLE, roomId: ROOM, name: '1', capacity: 6, locked: false, closed: false, position: 0 },
  ],
};

/** A store whose stage-call reads are answered by hand, in whatever order the test wants. */
function storeWithHeldReads() {
  const pending: ((call: StageCallRecord | null) => void)[] = [];
  return {
    store: {
      rooms: { listWithTables: () => Promise.resolve([housing]) },
      stageCalls: {
        current: () => new Promise<StageCallRecord | null>((resolve) => pending.push(resolve)),
      },
    },
    answer(read: number, call: StageCallRecord | null) {
      pending[read]?.(call);
    },
  };
}

const calledNow: StageCallRecord = { calledAt: new Date(0), calledBy: 'organiser' };

describe('layout cache', () => {
  it('locks every table while everyone is called to the stage', async () => {
    const { store, answer } = storeWithHeldReads();
    const layouts = createLayoutCache(store, { maxAgeMs: 10_000, nowMs: () => 0 });
    const loading = layouts.get(FAIR);
    answer(0, calledNow);
    expect((await loading).tables.get(TABLE)).toMatchObject({ locked: true, capacity: 6 });
  });

  it('counts a load overtaken by a reload as stale, even when it finishes last', async () => {
    const { store, answer } = storeWithHeldReads();
    const layouts = createLayoutCache(store, { maxAgeMs: 10_000, nowMs: () => 0 });
    const beforeTheCall = layouts.get(FAIR);
    layouts.invalidate(FAIR);
    const afterTheCall = layouts.get(FAIR);
    answer(1, calledNow);
    answer(0, null);
    const [stale, fresh] = await Promise.all([beforeTheCall, afterTheCall]);
    expect(stale.tables.get(TABLE)?.locked).toBe(false);
    expect(layouts.isCurrent(FAIR, stale)).toBe(false);
    expect(layouts.isCurrent(FAIR, fresh)).toBe(true);
    expect(await layouts.get(FAIR)).toBe(fresh);
  });

  it('reads the store again once the cached layout is older than the limit', async () => {
    const { store, answer } = storeWithHeldReads();
    let nowMs = 0;
    const layouts = createLayoutCache(store, { maxAgeMs: 10_000, nowMs: () => nowMs });
    const first = layouts.get(FAIR);
    answer(0, null);
    expect(await layouts.get(FAIR)).toBe(await first);
    nowMs = 10_000;
    const second = layouts.get(FAIR);
    answer(1, calledNow);
    expect((await second).tables.get(TABLE)?.locked).toBe(true);
    expect(layouts.isCurrent(FAIR, await first)).toBe(false);
  });
});
