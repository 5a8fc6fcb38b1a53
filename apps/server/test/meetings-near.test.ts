import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMeetingService } from '../src/meetings/meeting-service';
import { createLogger } from '../src/observability/logger';
import type { Store } from '../src/store/types';
import { fuzzSeed } from './fuzz-values';
import { storeBackends, useStore } from './store-backends';
import { createFair, createRoom, register } from './store-fixtures';

/**
 * "People I met" loads only the seat intervals near the person's own. Checked against the same
 * view built from the fair's whole history, over random histories whose sittings come and go
 * around the reconnect grace, where merging decides how long two people sat together.
 */
const GRACE_MS = 60_000;
const PEOPLE = 5;
const TABLES = 3;
const START_MS = Date.UTC(2026, 4, 12, 8);
const NOW_MS = START_MS + 3 * 3_600_000;

const sitting = fc.record({
  gapSeconds: fc.integer({ min: 0, max: 180 }),
  table: fc.integer({ min: 0, max: TABLES - 1 }),
  seconds: fc.integer({ min: 1, max: 150 }),
});
const history = fc.array(
  fc.record({ sittings: fc.array(sitting, { maxLength: 8 }), stillSeated: fc.boolean() }),
  { minLength: PEOPLE, maxLength: PEOPLE },
);

/** The store as it was before: every interval of the fair, near or not. */
function wholeHistory(store: Store): Store {
  return {
    ...store,
    seatIntervals: {
      ...store.seatIntervals,
      listNear: (fairId) => store.seatIntervals.list(fairId),
    },
  };
}

const pglite = storeBackends.filter((backend) => backend.name === 'pglite');

describe.each(pglite)('whom a person met, from the intervals near theirs ($name)', (backend) => {
  let store: Store;
  useStore(backend, (opened) => (store = opened));

  it('is what the whole history says, for every person', { timeout: 120_000 }, async () => {
    const logger = createLogger('silent');
    const service = (from: Store) =>
      createMeetingService({
        store: from,
        logger,
        nowMs: () => NOW_MS,
        reconnectGraceMs: GRACE_MS,
      });
    await fc.assert(
      fc.asyncProperty(history, async (people) => {
        const { fair } = await createFair(store, { meetingThresholdSeconds: 30 });
        const room = await createRoom(store, fair.id);
        const tables = [];
        for (let t = 0; t < TABLES; t += 1) {
          tables.push(await store.tables.create(fair.id, room.id, { name: `${t}`, capacity: 6 }));
        }
        const registrations = [];
        for (const [index, person] of people.entries()) {
          const me = await register(store, fair.id, { organisation: `Järjestö ${index % 3}` });
          registrations.push(me);
          let atMs = START_MS;
          for (const [step, { gapSeconds, table, seconds }] of person.sittings.entries()) {
            const seat = { fairId: fair.id, registrationId: me.id, tableId: tables[table]!.id };
            atMs += gapSeconds * 1000;
            await store.seatIntervals.open({ ...seat, joinedAt: new Date(atMs) });
            atMs += seconds * 1000;
            const last = step === person.sittings.length - 1;
            if (!(last && person.stillSeated)) {
              await store.seatIntervals.close({ ...seat, leftAt: new Date(atMs) });
            }
          }
        }
        const near = service(store);
        const whole = service(wholeHistory(store));
        for (const me of registrations) {
          expect(await near.peopleIMet(fair, me)).toEqual(await whole.peopleIMet(fair, me));
        }
      }),
      { numRuns: 40, seed: fuzzSeed() },
    );
  });
});
