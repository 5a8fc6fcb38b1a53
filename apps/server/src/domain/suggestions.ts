import { MAX_TABLE_SUGGESTIONS } from '@kohtaamo/protocol';
import { organisationKey } from './new-actors';

export interface SeatedPerson {
  id: string;
  organisation: string;
}

export interface CandidateTable {
  tableId: string;
  roomId: string;
  capacity: number;
  locked: boolean;
  closed: boolean;
  seated: readonly SeatedPerson[];
}

export interface RankedTable {
  tableId: string;
  freeSeats: number;
  sharesMyTheme: boolean;
  newOrganisations: string[];
}

/**
 * Tables worth joining to meet new organisations: a free seat, not locked or closed, not my own
 * table, and at least one person from an organisation that is neither mine nor one I have met.
 * Tables in my themes come first, then those with more new organisations, then more room.
 */
export function rankTables(
  me: { id: string; organisation: string; themes: readonly string[] },
  metOrganisationKeys: ReadonlySet<string>,
  tables: readonly CandidateTable[],
): RankedTable[] {
  const own = organisationKey(me.organisation);
  const themes = new Set(me.themes);
  const ranked: RankedTable[] = [];
  for (const table of tables) {
    const freeSeats = table.capacity - table.seated.length;
    if (freeSeats < 1 || table.locked || table.closed) continue;
    if (table.seated.some((person) => person.id === me.id)) continue;
    const newOrganisations = new Map<string, string>();
    for (const person of table.seated) {
      const key = organisationKey(person.organisation);
      if (key === own || metOrganisationKeys.has(key) || newOrganisations.has(key)) continue;
      newOrganisations.set(key, person.organisation.trim());
    }
    if (newOrganisations.size === 0) continue;
    ranked.push({
      tableId: table.tableId,
      freeSeats,
      sharesMyTheme: themes.has(table.roomId),
      newOrganisations: [...newOrganisations.values()],
    });
  }
  ranked.sort(
    (x, y) =>
      Number(y.sharesMyTheme) - Number(x.sharesMyTheme) ||
      y.newOrganisations.length - x.newOrganisations.length ||
      y.freeSeats - x.freeSeats,
  );
  return ranked.slice(0, MAX_TABLE_SUGGESTIONS);
}
