import type { Registration, Room } from '@kohtaamo/protocol';
import { intervalColumns, type IntervalColumns } from '../domain/meetings';
import { type EarlierMet, organisationKey } from '../domain/new-actors';
import type { ReportPerson } from '../domain/report';
import type { EarlierMeeting, SeatInterval } from '../store/types';

/** A fair's records turned into the indexes and columns the meeting domain works on. */
export interface IndexedFair {
  registrations: Registration[];
  personIndex: Map<string, number>;
  people: ReportPerson[];
  rooms: Room[];
  tableIds: string[];
  tableIndex: Map<string, number>;
  tableRoom: Int32Array;
  intervals: IntervalColumns;
}

export function indexFair(
  registrations: Registration[],
  rooms: Room[],
  seatIntervals: readonly SeatInterval[],
  nowMs: number,
): IndexedFair {
  const personIndex = new Map(registrations.map((registration, index) => [registration.id, index]));
  const people = registrations.map((registration): ReportPerson => ({
    accountId: registration.accountId,
    organisationKey: organisationKey(registration.profile.organisation),
    organisationType: registration.profile.organisationType,
    role: registration.role,
  }));
  const tableIds: string[] = [];
  const tableRoomList: number[] = [];
  rooms.forEach((room, roomIndex) => {
    for (const table of room.tables) {
      tableIds.push(table.id);
      tableRoomList.push(roomIndex);
    }
  });
  const tableIndex = new Map(tableIds.map((id, index) => [id, index]));
  const known = seatIntervals.filter((interval) => personIndex.has(interval.registrationId));
  // Tables deleted since keep their sittings (who met whom stands) but belong to no room.
  for (const interval of known) {
    if (tableIndex.has(interval.tableId)) continue;
    tableIndex.set(interval.tableId, tableIds.length);
    tableIds.push(interval.tableId);
    tableRoomList.push(-1);
  }
  const intervals = intervalColumns(known.length);
  known.forEach((interval, row) => {
    intervals.person[row] = personIndex.get(interval.registrationId)!;
    intervals.table[row] = tableIndex.get(interval.tableId)!;
    intervals.startMs[row] = interval.joinedAt.getTime();
    // Still seated: counts up to now.
    intervals.endMs[row] = Math.max(
      interval.joinedAt.getTime(),
      interval.leftAt?.getTime() ?? nowMs,
    );
  });
  return {
    registrations,
    personIndex,
    people,
    rooms,
    tableIds,
    tableIndex,
    tableRoom: Int32Array.from(tableRoomList),
    intervals,
  };
}

/** Accepted exchanges as pairs of person indexes. */
export function exchangedPairs(
  fair: IndexedFair,
  pairs: readonly [string, string][],
): [number, number][] {
  const indexed: [number, number][] = [];
  for (const [x, y] of pairs) {
    const a = fair.personIndex.get(x);
    const b = fair.personIndex.get(y);
    if (a !== undefined && b !== undefined) indexed.push([a, b]);
  }
  return indexed;
}

/** Earlier meetings grouped by the person of this fair who has that account. */
export function earlierByPerson(
  fair: IndexedFair,
  meetings: readonly EarlierMeeting[],
): Map<number, EarlierMet> {
  const personOfAccount = new Map(
    fair.registrations.map((registration, index) => [registration.accountId, index]),
  );
  const grouped = new Map<number, { accounts: Set<string>; organisations: Set<string> }>();
  for (const meeting of meetings) {
    const person = personOfAccount.get(meeting.accountId);
    if (person === undefined) continue;
    let entry = grouped.get(person);
    if (!entry) {
      entry = { accounts: new Set(), organisations: new Set() };
      grouped.set(person, entry);
    }
    entry.accounts.add(meeting.metAccountId);
    entry.organisations.add(organisationKey(meeting.metOrganisation));
  }
  return grouped;
}
