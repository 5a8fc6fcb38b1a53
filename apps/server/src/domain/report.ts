import type {
  Distribution,
  FairReport,
  OrganisationLink,
  OrganisationType,
  Role,
  ThemeReport,
} from '@kohtaamo/protocol';
import { ORGANISATION_TYPES } from '@kohtaamo/protocol';
import { type IntervalColumns, mergeSittings, pairOverlaps } from './meetings';
import { countNewActors, type EarlierMet, type MeetingPerson, meetingGraph } from './new-actors';

type LocalizedNames = { fi?: string; en?: string; sv?: string };

export interface ReportPerson extends MeetingPerson {
  role: Role;
  organisationType: OrganisationType;
}

export interface ReportInput {
  fairId: string;
  generatedAt: Date;
  thresholdSeconds: number;
  /** Sittings at one table closer together than this are one sitting. */
  graceMs: number;
  people: readonly ReportPerson[];
  rooms: readonly { roomId: string; names: LocalizedNames }[];
  /** The room index of each table index; -1 for a table no longer in the fair. */
  tableRoom: Int32Array;
  intervals: IntervalColumns;
  exchanged: readonly (readonly [number, number])[];
  earlier: ReadonlyMap<number, EarlierMet>;
}

const HISTOGRAM_MAX_BINS = 20;
const OCCUPANCY_MAX_BUCKETS = 120;
const TOP_ORGANISATION_LINKS = 10;

export function median(sorted: ArrayLike<number>): number {
  const n = sorted.length;
  if (n === 0) return 0;
  const middle = Math.floor(n / 2);
  return n % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/** Average, median and a histogram of consecutive bins from 0 to the largest count. */
export function distribution(values: Int32Array): Distribution {
  if (values.length === 0) return { average: 0, median: 0, histogram: [] };
  const sorted = Int32Array.from(values).sort();
  let sum = 0;
  for (const value of sorted) sum += value;
  const max = sorted[sorted.length - 1]!;
  const width = Math.max(1, Math.ceil((max + 1) / HISTOGRAM_MAX_BINS));
  const bins = Array.from({ length: Math.floor(max / width) + 1 }, (_, i) => ({
    from: i * width,
    to: i * width + width - 1,
    people: 0,
  }));
  for (const value of sorted) bins[Math.floor(value / width)]!.people += 1;
  return { average: round2(sum / sorted.length), median: median(sorted), histogram: bins };
}

/** A bucket length in whole minutes that keeps the series under the bucket limit. */
function bucketSecondsFor(spanMs: number): number {
  const minutes = Math.max(1, Math.ceil(spanMs / 60_000 / OCCUPANCY_MAX_BUCKETS));
  return minutes * 60;
}

/** The organiser's report: counts only, never names, cards or notes. */
export function computeReport(input: ReportInput): FairReport {
  const { people, rooms, tableRoom, intervals } = input;
  const tableCount = tableRoom.length;
  const sittings = mergeSittings(intervals, people.length, tableCount, input.graceMs);
  const pairs = pairOverlaps(sittings, people.length, tableCount);
  const graph = meetingGraph(people.length, pairs, input.thresholdSeconds, input.exchanged);
  const counts = countNewActors(people, graph, input.earlier);

  const participants: number[] = [];
  people.forEach((person, index) => {
    if (person.role === 'participant') participants.push(index);
  });
  const seatedPeople = new Uint8Array(people.length);
  for (const p of sittings.person) seatedPeople[p] = 1;
  const pick = (values: Int32Array) => Int32Array.from(participants, (index) => values[index]!);

  const themeMeetings = new Int32Array(rooms.length);
  const typeIndex = new Map(ORGANISATION_TYPES.map((type, index) => [type, index]));
  const typeOf = Int32Array.from(people, (person) => typeIndex.get(person.organisationType)!);
  const links = new Int32Array(ORGANISATION_TYPES.length * ORGANISATION_TYPES.length);
  for (let p = 0; p < people.length; p += 1) {
    for (let k = graph.offsets[p]!; k < graph.offsets[p + 1]!; k += 1) {
      const q = graph.partner[k]!;
      if (q < p) continue;
      const row = graph.pairRow[k]!;
      const room = row >= 0 ? tableRoom[pairs.firstTable[row]!]! : -1;
      if (room >= 0) themeMeetings[room]! += 1;
      const x = Math.min(typeOf[p]!, typeOf[q]!);
      const y = Math.max(typeOf[p]!, typeOf[q]!);
      links[x * ORGANISATION_TYPES.length + y]! += 1;
    }
  }

  let firstMs = Infinity;
  let lastMs = -Infinity;
  for (let i = 0; i < sittings.person.length; i += 1) {
    if (sittings.startMs[i]! < firstMs) firstMs = sittings.startMs[i]!;
    if (sittings.endMs[i]! > lastMs) lastMs = sittings.endMs[i]!;
  }
  const hasSittings = sittings.person.length > 0;
  const bucketSeconds = hasSittings ? bucketSecondsFor(lastMs - firstMs) : 60;
  const bucketMs = bucketSeconds * 1000;
  const bucketCount = hasSittings ? Math.max(1, Math.ceil((lastMs - firstMs) / bucketMs)) : 0;
  const seatedMs = new Float64Array(bucketCount * rooms.length);
  const themeMs = new Float64Array(rooms.length);
  for (let t = 0; t < tableCount; t += 1) {
    const room = tableRoom[t]!;
    if (room < 0) continue;
    for (let i = sittings.offsets[t]!; i < sittings.offsets[t + 1]!; i += 1) {
      const start = sittings.startMs[i]!;
      const end = sittings.endMs[i]!;
      themeMs[room]! += end - start;
      for (let bucket = Math.floor((start - firstMs) / bucketMs); bucket < bucketCount; bucket++) {
        const bucketStart = firstMs + bucket * bucketMs;
        if (bucketStart >= end) break;
        const inBucket = Math.min(end, bucketStart + bucketMs) - Math.max(start, bucketStart);
        seatedMs[bucket * rooms.length + room]! += inBucket;
      }
    }
  }

  const themes: ThemeReport[] = rooms.map((room, index) => ({
    roomId: room.roomId,
    names: room.names,
    meetings: themeMeetings[index]!,
    minutes: round2(themeMs[index]! / 60_000),
  }));
  const organisationLinks: OrganisationLink[] = [];
  ORGANISATION_TYPES.forEach((a, x) => {
    ORGANISATION_TYPES.forEach((b, y) => {
      const meetings = links[x * ORGANISATION_TYPES.length + y]!;
      if (y >= x && meetings > 0) organisationLinks.push({ a, b, meetings });
    });
  });
  organisationLinks.sort((left, right) => right.meetings - left.meetings);

  return {
    fairId: input.fairId,
    generatedAt: input.generatedAt.toISOString(),
    meetingThresholdSeconds: input.thresholdSeconds,
    participants: {
      registered: participants.length,
      seated: participants.filter((index) => seatedPeople[index] === 1).length,
    },
    meetings: graph.meetings,
    newPeople: distribution(pick(counts.newPeople)),
    newOrganisations: distribution(pick(counts.newOrganisations)),
    themes,
    occupancy: {
      bucketSeconds,
      rooms: rooms.map(({ roomId, names }) => ({ roomId, names })),
      series: Array.from({ length: bucketCount }, (_, bucket) => ({
        at: new Date(firstMs + bucket * bucketMs).toISOString(),
        seated: rooms.map((_room, room) =>
          round2(seatedMs[bucket * rooms.length + room]! / bucketMs),
        ),
      })),
    },
    organisationLinks: organisationLinks.slice(0, TOP_ORGANISATION_LINKS),
  };
}
