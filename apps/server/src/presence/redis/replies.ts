import type { Location, PersonRef, RoomOccupancy } from '@kohtaamo/protocol';
import type { MoveRefusal, Placement, PresenceChange, ScopeStep, TableRules } from '../types';

/** The scripts answer in JSON built by Redis' cjson; these are the shapes they build. */

export interface RawOccupancy {
  roomId: string;
  count: number;
  /** People as stored in the `people` hash: JSON, or false where HMGET found nothing. */
  sample: unknown;
}

export interface RawChange {
  seq: number;
  from?: Location;
  scopes: unknown;
  rooms: unknown;
  stageCount: number;
  /** Release and reap: the person as stored, since the caller only knows the id. */
  person?: string | false;
  /** Reap: whose placement expired, and when. */
  personId?: string;
  expiresAt?: number;
}

export type RawMove = { refused: MoveRefusal } | { stay: true } | RawChange;

export interface RawReap {
  changes: unknown;
  /** The batch was full: there may be more expired placements. */
  more: boolean;
}

export interface RawTableChange {
  /** Position in the list of rules the script was given. */
  index: number;
  seq: number;
  prevSeq: number;
}

export interface RawRoom {
  seq: number;
  members: unknown;
  tables: unknown;
}

export interface RawLobby {
  seq: number;
  rooms: unknown;
  stageCount: number;
}

/** Parses a script's JSON answer. The shape is the script's, so it is trusted as typed. */
export function parseReply<T>(reply: unknown): T {
  if (typeof reply !== 'string') throw new Error(`Unexpected presence script reply: ${reply}`);
  return JSON.parse(reply) as T;
}

/** cjson cannot tell an empty Lua list from an empty object and writes `{}`. */
export function list<T>(value: unknown): T[] {
  return Array.isArray(value) ? (value as T[]) : [];
}

export function parseJsonField<T>(value: unknown): T | null {
  return typeof value === 'string' ? (JSON.parse(value) as T) : null;
}

export function occupancyOf(raw: RawOccupancy): RoomOccupancy {
  const sample = list<unknown>(raw.sample)
    .map((person) => parseJsonField<PersonRef>(person))
    .filter((person) => person !== null);
  return { roomId: raw.roomId, count: raw.count, sample };
}

export function changeOf(
  raw: RawChange,
  known: { fairId: string; person: PersonRef; to: Location | null; at: number },
): PresenceChange {
  return {
    fairId: known.fairId,
    person: known.person,
    from: raw.from ?? null,
    to: known.to,
    seq: raw.seq,
    scopes: list<ScopeStep>(raw.scopes),
    rooms: list<RawOccupancy>(raw.rooms).map(occupancyOf),
    stageCount: raw.stageCount,
    at: known.at,
  };
}

/** The person a release or reap removed; the id alone if the stored record was lost. */
export function storedPerson(raw: RawChange, personId: string): PersonRef {
  return parseJsonField<PersonRef>(raw.person) ?? { id: personId, name: '', organisation: '' };
}

export interface RawMember {
  person: unknown;
  where: unknown;
}

export function placementOf(value: unknown): Placement | null {
  return parseJsonField<Placement>(value);
}

export function rulesOf(value: unknown): TableRules | null {
  return parseJsonField<TableRules>(value);
}
