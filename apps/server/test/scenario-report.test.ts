import {
  apiRoutes,
  buildPath,
  type FairReport,
  type MeetingsChanged,
  ServerEvent,
} from '@kohtaamo/protocol';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationKey } from '../src/domain/new-actors';
import {
  connectPerson,
  createPerson,
  eventually,
  type LiveClient,
  signInAs,
  useLiveFair,
} from './live-harness';
import { seededRandom } from '../../../tests/support/seeded-random';
import { presenceBackends } from './presence-backends';

/**
 * A generated fair replayed through the real socket server: 90 participants from 30
 * organisations, 14 themes with two tables each, two networking rounds of random moves (fixed
 * seed) on a clock the test controls. The expected report is computed here from the script
 * alone, by brute force, and compared with what the server reports.
 */
const PARTICIPANTS = 90;
const THEMES = 14;
const TABLES_PER_THEME = 2;
const CAPACITY = 4;
const ORGANISATIONS = 30;
const ROUNDS = 2;
const STEPS_PER_ROUND = 8;
const MOVERS_PER_STEP = 20;
const THRESHOLD_S = 120;
const GRACE_MS = 120_000;
const START_MS = Date.parse('2026-05-12T07:00:00Z');

interface Sitting {
  person: number;
  table: number;
  start: number;
  end: number;
}

const memory = presenceBackends.find((backend) => backend.name === 'memory')!;

describe('a generated fair replayed through the socket server', () => {
  let clockMs = START_MS;
  const live = useLiveFair(memory, {
    otherRooms: THEMES - 1,
    tables: Array.from({ length: TABLES_PER_THEME }, (_, i) => ({
      name: `Pöytä ${i + 1}`,
      capacity: CAPACITY,
    })),
    now: () => new Date(clockMs),
    reconnectGraceMs: GRACE_MS,
  });
  const clients: LiveClient[] = [];
  const changes = new Map<number, MeetingsChanged[]>();
  const organisationOf: string[] = [];
  /** Table index → room index; tables are numbered theme by theme. */
  const roomOfTable: number[] = [];
  const tableIds: string[] = [];
  const sittings: Sitting[] = [];
  let organiserCookie = '';

  beforeAll(async () => {
    const { store, fairId, roomIds } = live;
    for (const [room, roomId] of roomIds.entries()) {
      const ids =
        room === 0
          ? live.tableIds
          : await Promise.all(
              Array.from({ length: TABLES_PER_THEME }, async (_, i) => {
                const table = await store.tables.create(fairId, roomId, {
                  name: `Pöytä ${i + 1}`,
                  capacity: CAPACITY,
                });
                return table!.id;
              }),
            );
      for (const id of ids) {
        tableIds.push(id);
        roomOfTable.push(room);
      }
    }
    const random = seededRandom(5);
    for (let i = 0; i < PARTICIPANTS; i += 1) {
      const organisation = `Järjestö ${Math.floor(random() * ORGANISATIONS)} ry`;
      organisationOf.push(organisation);
      const person = await createPerson(store, fairId, `Osallistuja ${i}`, { organisation });
      const client = await connectPerson(live.node.url, person, fairId);
      client.socket.on(ServerEvent.meetingsChanged, (change: MeetingsChanged) => {
        changes.set(i, [...(changes.get(i) ?? []), change]);
      });
      clients.push(client);
    }
    const fair = await store.fairs.findById(fairId);
    const organiser = (await store.registrations.list(fairId, { roles: ['organiser'] }))[0]!;
    organiserCookie = await signInAs(store, organiser.accountId);
    expect(fair?.meetingThresholdSeconds).toBe(THRESHOLD_S);

    // The script: who sits where, and when, decided here and replayed through the sockets.
    const seatOf: (number | null)[] = Array(PARTICIPANTS).fill(null);
    const seatedAt: number[] = Array(PARTICIPANTS).fill(0);
    const occupancy = Array(tableIds.length).fill(0);
    async function move(person: number, table: number | null) {
      const from = seatOf[person]!;
      if (from === table) return;
      if (from !== null) {
        occupancy[from] -= 1;
        sittings.push({ person, table: from, start: seatedAt[person]!, end: clockMs });
      }
      seatOf[person] = table;
      if (table === null) {
        await clients[person]!.ok('presence.go', {
          to: { kind: 'room', roomId: live.roomIds[roomOfTable[from!]!]! },
        });
        return;
      }
      occupancy[table] += 1;
      seatedAt[person] = clockMs;
      await clients[person]!.ok('presence.go', {
        to: { kind: 'table', tableId: tableIds[table]! },
      });
    }
    for (let round = 0; round < ROUNDS; round += 1) {
      for (let step = 0; step < STEPS_PER_ROUND; step += 1) {
        clockMs += Math.floor(30_000 + random() * 240_000);
        for (let k = 0; k < MOVERS_PER_STEP; k += 1) {
          const person = Math.floor(random() * PARTICIPANTS);
          const choice = Math.floor(random() * (tableIds.length + 1));
          if (choice === tableIds.length) await move(person, null);
          else if (occupancy[choice] < CAPACITY || seatOf[person] === choice)
            await move(person, choice);
        }
      }
      // The round ends: everyone stands up.
      clockMs += 60_000;
      for (let person = 0; person < PARTICIPANTS; person += 1) await move(person, null);
      clockMs += 15 * 60_000;
    }
  }, 180_000);

  afterAll(() => {
    for (const client of clients) client.close();
  });

  /** The report, computed from the script alone. */
  function expectedReport() {
    // Sittings of one person at one table less than the grace apart are one sitting.
    const merged: Sitting[] = [];
    const sorted = [...sittings].sort(
      (x, y) => x.person - y.person || x.table - y.table || x.start - y.start,
    );
    for (const sitting of sorted) {
      const last = merged[merged.length - 1];
      if (
        last &&
        last.person === sitting.person &&
        last.table === sitting.table &&
        sitting.start - last.end < GRACE_MS
      ) {
        last.end = Math.max(last.end, sitting.end);
      } else merged.push({ ...sitting });
    }
    const together = new Map<string, { ms: number; firstAt: number; firstTable: number }>();
    for (const x of merged) {
      for (const y of merged) {
        if (x.table !== y.table || x.person >= y.person) continue;
        const ms = Math.min(x.end, y.end) - Math.max(x.start, y.start);
        if (ms <= 0) continue;
        const key = `${x.person}:${y.person}`;
        const at = Math.max(x.start, y.start);
        const entry = together.get(key) ?? { ms: 0, firstAt: Infinity, firstTable: -1 };
        entry.ms += ms;
        if (at < entry.firstAt) Object.assign(entry, { firstAt: at, firstTable: x.table });
        together.set(key, entry);
      }
    }
    const met = [...together].filter(([, entry]) => entry.ms >= THRESHOLD_S * 1000);
    const people = Array.from({ length: PARTICIPANTS }, () => new Set<number>());
    const themeMeetings = Array(THEMES).fill(0);
    for (const [key, entry] of met) {
      const [x, y] = key.split(':').map(Number) as [number, number];
      people[x]!.add(y);
      people[y]!.add(x);
      themeMeetings[roomOfTable[entry.firstTable]!] += 1;
    }
    const newPeople = people.map((set) => set.size);
    const newOrganisations = people.map(
      (set, person) =>
        new Set(
          [...set]
            .map((other) => organisationKey(organisationOf[other]!))
            .filter((key) => key !== organisationKey(organisationOf[person]!)),
        ).size,
    );
    const themeMinutes = Array(THEMES).fill(0);
    for (const sitting of merged)
      themeMinutes[roomOfTable[sitting.table]!] += (sitting.end - sitting.start) / 60_000;
    const average = (values: number[]) =>
      Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100;
    const median = (values: number[]) => {
      const s = [...values].sort((a, b) => a - b);
      return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
    };
    return {
      meetings: met.length,
      seated: new Set(sittings.map((sitting) => sitting.person)).size,
      newPeople,
      newOrganisations,
      averages: [average(newPeople), average(newOrganisations)],
      medians: [median(newPeople), median(newOrganisations)],
      themeMeetings,
      themeMinutes,
    };
  }

  it('reports the counts the script produced', async () => {
    const expected = expectedReport();
    expect(expected.meetings).toBeGreaterThan(50);
    const response = await request(live.node.url)
      .get(buildPath(apiRoutes.report, { fairId: live.fairId }))
      .set('Cookie', organiserCookie)
      .expect(200);
    const report: FairReport = response.body.report;
    expect(report.participants).toEqual({ registered: PARTICIPANTS, seated: expected.seated });
    expect(report.meetings).toBe(expected.meetings);
    expect([report.newPeople.average, report.newOrganisations.average]).toEqual(expected.averages);
    expect([report.newPeople.median, report.newOrganisations.median]).toEqual(expected.medians);
    const histogramTotal = report.newPeople.histogram.reduce((sum, bin) => sum + bin.people, 0);
    expect(histogramTotal).toBe(PARTICIPANTS);
    expect(report.themes.map((theme) => theme.meetings)).toEqual(expected.themeMeetings);
    report.themes.forEach((theme, i) =>
      expect(theme.minutes).toBeCloseTo(expected.themeMinutes[i]!, 1),
    );
  });

  it('told each person their new counts as their seats were freed', async () => {
    const expected = expectedReport();
    await eventually(() => {
      for (let person = 0; person < PARTICIPANTS; person += 1) {
        if (!sittings.some((sitting) => sitting.person === person)) continue;
        expect(changes.get(person)?.at(-1)).toEqual({
          newPeople: expected.newPeople[person],
          newOrganisations: expected.newOrganisations[person],
        });
      }
    }, 60_000);
  }, 90_000);
});
