import { type PairOverlaps, reachesThreshold } from './meetings';

/** A person of the fair as meeting counts need them; their index is their place in the list. */
export interface MeetingPerson {
  accountId: string;
  /** The organisation as `organisationKey` makes it comparable. */
  organisationKey: string;
}

/** What a person had met before this fair: accounts, and organisations by key. */
export interface EarlierMet {
  accounts: ReadonlySet<string>;
  organisations: ReadonlySet<string>;
}

/** "Kotona Suomessa ry " and "kotona suomessa RY" are one organisation. */
export function organisationKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('fi');
}

/** Who met whom in a fair, as adjacency lists: person `p`'s rows are `offsets[p]` up to `offsets[p+1]`. */
export interface MeetingGraph {
  offsets: Int32Array;
  partner: Int32Array;
  /** The row in `PairOverlaps` of this meeting, or -1 when only cards were exchanged. */
  pairRow: Int32Array;
  /** Meetings in the fair, each pair once. */
  meetings: number;
}

/**
 * Pairs that met: sat together for at least the threshold in total, or exchanged cards
 * (`exchanged` holds pairs as person indexes, either order).
 */
export function meetingGraph(
  personCount: number,
  pairs: PairOverlaps,
  thresholdSeconds: number,
  exchanged: readonly (readonly [number, number])[],
): MeetingGraph {
  const degree = new Int32Array(personCount + 1);
  const metRows = new Int32Array(pairs.count);
  let metCount = 0;
  for (let row = 0; row < pairs.count; row += 1) {
    if (!reachesThreshold(pairs.overlapMs[row]!, thresholdSeconds)) continue;
    metRows[metCount++] = row;
    degree[pairs.a[row]! + 1]! += 1;
    degree[pairs.b[row]! + 1]! += 1;
  }
  // Exchanges between people who did not (yet) sit together long enough; each pair once.
  const extra: [number, number, number][] = [];
  const extraKeys = new Set<number>();
  for (const [x, y] of exchanged) {
    if (x === y) continue;
    const a = Math.min(x, y);
    const b = Math.max(x, y);
    const row = pairs.rowOf(a, b);
    if (row >= 0 && reachesThreshold(pairs.overlapMs[row]!, thresholdSeconds)) continue;
    if (extraKeys.has(a * personCount + b)) continue;
    extraKeys.add(a * personCount + b);
    extra.push([a, b, row]);
    degree[a + 1]! += 1;
    degree[b + 1]! += 1;
  }
  const offsets = degree;
  for (let p = 0; p < personCount; p += 1) offsets[p + 1]! += offsets[p]!;
  const cursor = offsets.slice(0, personCount);
  const meetings = metCount + extra.length;
  const partner = new Int32Array(meetings * 2);
  const pairRow = new Int32Array(meetings * 2);
  const link = (a: number, b: number, row: number) => {
    partner[cursor[a]!] = b;
    pairRow[cursor[a]!++] = row;
    partner[cursor[b]!] = a;
    pairRow[cursor[b]!++] = row;
  };
  for (let k = 0; k < metCount; k += 1) {
    const row = metRows[k]!;
    link(pairs.a[row]!, pairs.b[row]!, row);
  }
  for (const [a, b, row] of extra) link(a, b, row);
  return { offsets, partner, pairRow, meetings };
}

export interface NewActorCounts {
  newPeople: Int32Array;
  newOrganisations: Int32Array;
}

/**
 * Per person: distinct people met here for the first time (not met at an earlier fair), and
 * distinct organisations, other than their own, that they had not met before.
 */
export function countNewActors(
  people: readonly MeetingPerson[],
  graph: MeetingGraph,
  earlier: ReadonlyMap<number, EarlierMet>,
): NewActorCounts {
  const organisationIndex = new Map<string, number>();
  const organisationOf = new Int32Array(people.length);
  people.forEach((person, index) => {
    let org = organisationIndex.get(person.organisationKey);
    if (org === undefined) {
      org = organisationIndex.size;
      organisationIndex.set(person.organisationKey, org);
    }
    organisationOf[index] = org;
  });
  const counted = new Int32Array(organisationIndex.size);
  const newPeople = new Int32Array(people.length);
  const newOrganisations = new Int32Array(people.length);
  for (let p = 0; p < people.length; p += 1) {
    const before = earlier.get(p);
    const own = organisationOf[p]!;
    let peopleCount = 0;
    let organisationCount = 0;
    for (let k = graph.offsets[p]!; k < graph.offsets[p + 1]!; k += 1) {
      const q = graph.partner[k]!;
      if (!before?.accounts.has(people[q]!.accountId)) peopleCount += 1;
      const org = organisationOf[q]!;
      // Stamped with p + 1 so one array serves every person without clearing.
      if (org === own || counted[org] === p + 1) continue;
      counted[org] = p + 1;
      if (!before?.organisations.has(people[q]!.organisationKey)) organisationCount += 1;
    }
    newPeople[p] = peopleCount;
    newOrganisations[p] = organisationCount;
  }
  return { newPeople, newOrganisations };
}

/**
 * One person's counts from the people they met, by the same rules as `countNewActors`: what a
 * person's own view needs without indexing anyone they did not meet.
 */
export function countNewActorsOf(
  me: MeetingPerson,
  partners: readonly MeetingPerson[],
  earlier: EarlierMet | undefined,
): { newPeople: number; newOrganisations: number } {
  const everyone = [me, ...partners];
  // Person 0 met everyone after it; they met nobody else.
  const offsets = new Int32Array(everyone.length + 1).fill(partners.length);
  offsets[0] = 0;
  const star: MeetingGraph = {
    offsets,
    partner: Int32Array.from(partners.map((_, index) => index + 1)),
    pairRow: new Int32Array(partners.length).fill(-1),
    meetings: partners.length,
  };
  const counts = countNewActors(everyone, star, new Map(earlier ? [[0, earlier]] : []));
  return { newPeople: counts.newPeople[0]!, newOrganisations: counts.newOrganisations[0]! };
}
