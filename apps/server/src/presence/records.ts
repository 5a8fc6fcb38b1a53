import type { PersonRef, TableState } from '@kohtaamo/protocol';
import type { TableRules } from './types';

/**
 * Copies and orderings both adapters share, so they hand out the same records in the same
 * order, and never an object a caller could change the stored state through.
 */

/**
 * Code-unit order. For ids (ASCII) it is the byte order Redis breaks sorted-set score ties
 * with, so both adapters list people who entered at the same millisecond alike.
 */
export function compareIds(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

export function copyPerson({ id, name, organisation }: PersonRef): PersonRef {
  return { id, name, organisation };
}

export function copyRules({ tableId, roomId, capacity, locked, closed }: TableRules): TableRules {
  return { tableId, roomId, capacity, locked, closed };
}

/** The room's view of a table: its rules without the room it belongs to. */
export function tableState({ tableId, capacity, locked, closed }: TableRules): TableState {
  return { tableId, capacity, locked, closed };
}

/** The tables of one room, ordered by id. */
export function tablesOfRoom(tables: Iterable<TableRules>, roomId: string): TableState[] {
  return [...tables]
    .filter((rules) => rules.roomId === roomId)
    .sort((a, b) => compareIds(a.tableId, b.tableId))
    .map(tableState);
}
