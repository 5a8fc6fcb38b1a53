import type { Registration, Room } from '@kohtaamo/protocol';
import { intervalColumns, type IntervalColumns } from '../domain/meetings';
import { type EarlierMet, organisationKey } from '../domain/new-actors';
import type { ReportPerson } from '../domain/report';
import type { EarlierMeeting, SeatInterval } from '../store/types';

/** Seat intervals turned into the indexes and columns the meeting domain works on. */
export interface IndexedSeats {
  /** Person `p` is the registration `personIds[p]`. */
  personIds: string[];
  personIndex: Map<string, number>;
  rooms: Room[];
  tableIds: string[];
  tableIndex: Map<string, number>;
  tableRoom: Int32Array;
  intervals: IntervalColumns;
}

/** A fair's records: the seats, with the registration of every person. */
export interface IndexedFair extends IndexedSeats {
  registrations: Registration[];
  people: ReportPerson[];
}

/** The intervals of the people given (others are left out), by person and table index. */
export function indexSeats(
  personIds: readonly string[],
  rooms: Room[],
  seatIntervals: readonly SeatInterval[],
  nowMs: number,
): IndexedSeats {
  const personIndex = new Map(personIds.map((id, index) => [id, index]));
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
    personIds: [...personIds],
    personIndex,
    rooms,
    tableIds,
    tableIndex,
    tableRoom: Int32Array.from(tableRoomList),
    intervals,
  };
}

/** As meeting counts see a registered person. */
export function meetingPersonOf(registration: Registration): ReportPerson {
  return {
    accountId: registration.accountId,
    organisationKey: organisationKey(registration.profile.organisation),
    organisationType: registration.profile.organisationType,
    role: registration.role,
  };
}

export function indexFair(
  registrations: Registration[],
  rooms: Room[],
  seatIntervals: readonly SeatInterval[],
  nowMs: number,
): IndexedFair {
  return {
    ...indexSeats(
      registrations.map((registration) => registration.id),
      rooms,
      seatIntervals,
      nowMs,
    ),
    registrations,
    people: registrations.map(meetingPersonOf),
  };
}

/** Accepted exchanges as pairs of person indexes. */
export function exchangedPairs(
  fair: IndexedSeats,
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
  fair: Pick<IndexedFair, 'registrations'>,
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
