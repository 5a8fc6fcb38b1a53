import type { Fair, Registration } from '@kohtaamo/protocol';
import { mergeSittings, pairOverlaps } from '../domain/meetings';
import { meetingGraph } from '../domain/new-actors';
import { exchangedPairs, indexFair } from '../meetings/fair-data';
import type { Store } from '../store/types';

/**
 * Pairs of people (registration ids) who have already met: at this fair by the same rule as
 * "people I met" (sat together for the fair's threshold, open sittings counted up to now, or
 * exchanged cards), or at an earlier fair. The seat intervals are read rather than the stored
 * pair totals, because those are written only when a seat is freed and the people of the
 * previous round may still be sitting together when the next one starts.
 */
export async function metPairsOf(
  store: Store,
  fair: Fair,
  registrations: Registration[],
  nowMs: number,
  reconnectGraceMs: number,
): Promise<[string, string][]> {
  const [rooms, intervals, accepted, earlier] = await Promise.all([
    store.rooms.listWithTables(fair.id),
    store.seatIntervals.list(fair.id),
    store.exchanges.acceptedPairs(fair.id),
    store.meetings.earlierMeetings(fair.id),
  ]);
  const indexed = indexFair(registrations, rooms, intervals, nowMs);
  const people = indexed.people.length;
  const tables = indexed.tableIds.length;
  const sittings = mergeSittings(indexed.intervals, people, tables, reconnectGraceMs);
  const graph = meetingGraph(
    people,
    pairOverlaps(sittings, people, tables),
    fair.meetingThresholdSeconds,
    exchangedPairs(indexed, accepted),
  );
  const pairs: [string, string][] = [];
  for (let person = 0; person < people; person += 1) {
    for (let k = graph.offsets[person]!; k < graph.offsets[person + 1]!; k += 1) {
      const other = graph.partner[k]!;
      if (person < other) pairs.push([registrations[person]!.id, registrations[other]!.id]);
    }
  }
  const personOfAccount = new Map(registrations.map((r) => [r.accountId, r.id]));
  for (const meeting of earlier) {
    const a = personOfAccount.get(meeting.accountId);
    const b = personOfAccount.get(meeting.metAccountId);
    if (a && b) pairs.push([a, b]);
  }
  return pairs;
}
