/**
 * What the room page shows, worked out from the room as stored (names, order) and its live
 * presence (who sits where, the tables' current rules). Pure, so it is tested without React.
 */
import type { PersonRef, RoomState, Table } from '@kohtaamo/protocol';
import type { TableAction } from './notice-store';

export interface TableView {
  id: string;
  name: string;
  capacity: number;
  locked: boolean;
  closed: boolean;
  seated: PersonRef[];
  free: number;
}

/**
 * The room's tables in the organiser's order. Rules come from presence when it knows the table
 * (a facilitator may have locked it a moment ago), else from the stored table.
 */
export function tableViews(tables: readonly Table[], state: RoomState | null): TableView[] {
  const rules = new Map(state?.tables.map((table) => [table.tableId, table]));
  return [...tables]
    .sort((a, b) => a.position - b.position)
    .map((table) => {
      const live = rules.get(table.id);
      const capacity = live?.capacity ?? table.capacity;
      const seated = (state?.members ?? [])
        .filter((member) => member.tableId === table.id)
        .map((member) => member.person);
      return {
        id: table.id,
        name: table.name,
        capacity,
        locked: live?.locked ?? table.locked,
        closed: live?.closed ?? table.closed,
        seated,
        free: Math.max(0, capacity - seated.length),
      };
    });
}

/** People in the room who are not at any table. */
export function standingPeople(state: RoomState | null): PersonRef[] {
  return (state?.members ?? []).filter((member) => member.tableId === null).map((m) => m.person);
}

/** Tables presence knows of that the stored fair does not (added since the page loaded). */
export function unknownTableIds(tables: readonly Table[], state: RoomState | null): string[] {
  const known = new Set(tables.map((table) => table.id));
  return (state?.tables ?? []).map((table) => table.tableId).filter((id) => !known.has(id));
}

/**
 * The one button a table offers this person: leave it when seated there, move to it when seated
 * elsewhere, else sit down. Closed, locked and full tables take nobody new; the server checks
 * again, since the view can be a moment behind.
 */
export function tableActionFor(
  table: TableView,
  myTableId: string | null,
): { action: TableAction; allowed: boolean } {
  if (myTableId === table.id) return { action: 'leave', allowed: true };
  const allowed = !table.closed && !table.locked && table.free > 0;
  return { action: myTableId ? 'move' : 'sit', allowed };
}
