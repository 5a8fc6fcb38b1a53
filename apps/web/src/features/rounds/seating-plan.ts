import {
  pickText,
  type AgendaItem,
  type Language,
  type Registration,
  type Room,
  type RoundMode,
  type RoundPlan,
  type RoundPlanBody,
} from '@kohtaamo/protocol';

/** What the seating editor holds: the mode and, per person, the table chosen ('' for none). */
export interface PlanForm {
  mode: RoundMode;
  tableOf: Record<string, string>;
}

export interface RoundTableChoice {
  tableId: string;
  /** "Room · Table", so tables of different rooms with the same name stay apart. */
  label: string;
  capacity: number;
}

export function planFormOf(plan: RoundPlan): PlanForm {
  return {
    mode: plan.mode,
    tableOf: Object.fromEntries(plan.preassignments.map((p) => [p.registrationId, p.tableId])),
  };
}

export function planBodyOf(form: PlanForm): RoundPlanBody {
  return {
    mode: form.mode,
    preassignments: Object.entries(form.tableOf)
      .filter(([, tableId]) => tableId !== '')
      .map(([registrationId, tableId]) => ({ registrationId, tableId })),
  };
}

/** The tables a round seats people at: its room's, or every room's for a round on the stage. */
export function roundTablesOf(
  item: AgendaItem,
  rooms: readonly Room[],
  language: Language,
): RoundTableChoice[] {
  const place = item.place;
  return rooms
    .filter((room) => place.kind === 'stage' || room.id === place.roomId)
    .flatMap((room) =>
      room.tables.map((table) => ({
        tableId: table.id,
        label: `${pickText(room.names, language)} · ${table.name}`,
        capacity: table.capacity,
      })),
    );
}

/** People a round can seat (staff run the fair and are never moved), by name. */
export function seatablePeople(registrations: readonly Registration[]): Registration[] {
  return registrations
    .filter((registration) => registration.role === 'participant')
    .sort((a, b) => a.profile.displayName.localeCompare(b.profile.displayName));
}

/** Tables given more people than they seat; the server would leave the extra ones to the shuffle. */
export function overfullTables(form: PlanForm, tables: readonly RoundTableChoice[]) {
  const counts = new Map<string, number>();
  for (const tableId of Object.values(form.tableOf)) {
    if (tableId !== '') counts.set(tableId, (counts.get(tableId) ?? 0) + 1);
  }
  return tables.filter((table) => (counts.get(table.tableId) ?? 0) > table.capacity);
}
