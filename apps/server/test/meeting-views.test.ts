import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMeetingService, type PersonNotifier } from '../src/meetings/meeting-service';
import { createLogger } from '../src/observability/logger';
import type { MeetingsChanged } from '@kohtaamo/protocol';
import type { Store, TableMeeting } from '../src/store/types';
import { fuzzSeed } from './fuzz-values';
import { storeBackends, useStore } from './store-backends';
import { createFair, createRoom, register } from './store-fixtures';

/**
 * A person's meeting view loads only the seat intervals near their own, and a freed seat
 * recomputes only its own table's times and tells only the people it can have changed the counts
 * of. Each is checked against the fair's whole history, over
 * random histories whose sittings come and go around the reconnect grace, where joining sittings
 * decides how long two people sat together.
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
type History = typeof history extends fc.Arbitrary<infer T> ? T : never;

interface SeatStep {
  kind: 'take' | 'free';
  atMs: number;
  seat: { fairId: string; registrationId: string; tableId: string };
}

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

describe.each(pglite)('meetings from the intervals near each person ($name)', (backend) => {
  let store: Store;
  useStore(backend, (opened) => (store = opened));

  const logger = createLogger('silent');
  const service = (from: Store, nowMs = () => NOW_MS, notify?: PersonNotifier) =>
    createMeetingService({ store: from, logger, nowMs, reconnectGraceMs: GRACE_MS, notify });

  /** The fair, its people, and each sitting as a seat taken and a seat freed, in time order. */
  async function fairWith(people: History) {
    const { fair } = await createFair(store, { meetingThresholdSeconds: 30 });
    const room = await createRoom(store, fair.id);
    const tableIds: string[] = [];
    for (let t = 0; t < TABLES; t += 1) {
      const table = await store.tables.create(fair.id, room.id, { name: `${t}`, capacity: 6 });
      tableIds.push(table!.id);
    }
    const registrations = [];
    const steps: SeatStep[] = [];
    for (const [index, person] of people.entries()) {
      const me = await register(store, fair.id, { organisation: `Järjestö ${index % 3}` });
      registrations.push(me);
      let atMs = START_MS;
      for (const [step, { gapSeconds, table, seconds }] of person.sittings.entries()) {
        const seat = { fairId: fair.id, registrationId: me.id, tableId: tableIds[table]! };
        atMs += gapSeconds * 1000;
        steps.push({ kind: 'take', atMs, seat });
        atMs += seconds * 1000;
        if (!(step === person.sittings.length - 1 && person.stillSeated)) {
          steps.push({ kind: 'free', atMs, seat });
        }
      }
    }
    // A seat freed and another taken at the same moment: the freeing comes first.
    steps.sort((x, y) => x.atMs - y.atMs || (x.kind === 'free' ? -1 : 1));
    return { fair, registrations, steps };
  }

  async function play(step: SeatStep) {
    if (step.kind === 'take') {
      await store.seatIntervals.open({ ...step.seat, joinedAt: new Date(step.atMs) });
    } else {
      const leftAt = new Date(step.atMs);
      await store.seatIntervals.close({ ...step.seat, leftAt, freedAt: leftAt });
    }
  }

  it('shows each person what the whole history says', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(history, async (people) => {
        const { fair, registrations, steps } = await fairWith(people);
        for (const step of steps) await play(step);
        const near = service(store);
        const whole = service(wholeHistory(store));
        for (const me of registrations) {
          expect(await near.peopleIMet(fair, me)).toEqual(await whole.peopleIMet(fair, me));
        }
      }),
      { numRuns: 30, seed: fuzzSeed() },
    );
  });

  it(
    'stores the times the whole history gives and tells each person its counts, seat by seat',
    { timeout: 120_000 },
    async () => {
      await fc.assert(
        fc.asyncProperty(history, async (people) => {
          const { fair, registrations, steps } = await fairWith(people);
          let clockMs = START_MS;
          // What the store holds, by person pair and table, as the freed seats replace it.
          const written = new Map<string, TableMeeting>();
          const key = (row: TableMeeting) => `${row.personA} ${row.personB} ${row.tableId}`;
          const recording: Store = {
            ...store,
            meetings: {
              ...store.meetings,
              replaceAtTable: async (fairId, personId, tableId, rows) => {
                for (const [at, row] of written) {
                  const mine = row.personA === personId || row.personB === personId;
                  if (mine && row.tableId === tableId) written.delete(at);
                }
                for (const row of rows) written.set(key(row), row);
                await store.meetings.replaceAtTable(fairId, personId, tableId, rows);
              },
            },
          };
          const nobodyMet = { newPeople: 0, newOrganisations: 0 };
          const countsInto =
            (into: Map<string, MeetingsChanged>): PersonNotifier =>
            (personId, event, ...args) => {
              if (event === 'meetings.changed') into.set(personId, args[0] as MeetingsChanged);
            };
          const told = new Map<string, MeetingsChanged>();
          const live = service(recording, () => clockMs, countsInto(told));
          /** Everyone whose counts the stored times changed has been told them. */
          async function expectEveryoneTold() {
            const stored = new Map<string, MeetingsChanged>();
            await service(store, () => clockMs, countsInto(stored)).exchanged(fair, registrations);
            for (const me of registrations) {
              expect(told.get(me.id) ?? nobodyMet).toEqual(stored.get(me.id));
            }
          }
          const endMs = Math.max(START_MS, ...steps.map((step) => step.atMs)) + 1000;
          const stillSeated = new Map<string, SeatStep['seat']>();
          for (const step of steps) {
            clockMs = step.atMs;
            await play(step);
            if (step.kind === 'take') stillSeated.set(step.seat.registrationId, step.seat);
            if (step.kind === 'free') {
              stillSeated.delete(step.seat.registrationId);
              await live.seatsFreed(fair.id, [
                { personId: step.seat.registrationId, tableId: step.seat.tableId },
              ]);
              await expectEveryoneTold();
            }
          }
          // Everyone still seated leaves together at the end, as when the fair closes.
          clockMs = endMs;
          for (const seat of stillSeated.values()) await play({ kind: 'free', atMs: endMs, seat });
          await live.seatsFreed(
            fair.id,
            [...stillSeated.values()].map((seat) => ({
              personId: seat.registrationId,
              tableId: seat.tableId,
            })),
          );
          await expectEveryoneTold();

          let rebuilt: readonly TableMeeting[] = [];
          const rebuilding: Store = {
            ...store,
            meetings: {
              ...store.meetings,
              replaceForFair: async (_fairId, rows) => {
                rebuilt = rows;
              },
            },
          };
          await service(rebuilding, () => endMs).rebuild(fair);
          const sorted = (rows: Iterable<TableMeeting>) =>
            [...rows].sort((x, y) => key(x).localeCompare(key(y)));
          expect(sorted(written.values())).toEqual(sorted(rebuilt));

          const whole = service(wholeHistory(store), () => endMs);
          for (const me of registrations) {
            const { newPeople, newOrganisations } = await whole.peopleIMet(fair, me);
            expect(told.get(me.id) ?? nobodyMet).toEqual({
              newPeople,
              newOrganisations,
            });
          }
        }),
        { numRuns: 30, seed: fuzzSeed() },
      );
    },
  );
});
