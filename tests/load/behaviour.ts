import { FAIR_SHAPE } from './fair-shape';

/**
 * What a participant does next, by where they are. Places are indices into the fair's rooms and
 * tables (table `t` is in room `Math.floor(t / FAIR_SHAPE.tables)`); -1 means none.
 */
export interface Spot {
  kind: 'lobby' | 'stage' | 'room' | 'table';
  room: number;
  table: number;
}

export const LOBBY_SPOT: Spot = { kind: 'lobby', room: -1, table: -1 };
export const STAGE_SPOT: Spot = { kind: 'stage', room: -1, table: -1 };

export function roomSpot(room: number): Spot {
  return { kind: 'room', room, table: -1 };
}

export function tableSpot(table: number): Spot {
  return { kind: 'table', room: Math.floor(table / FAIR_SHAPE.tables), table };
}

function pick(random: () => number, count: number): number {
  return Math.min(count - 1, Math.floor(random() * count));
}

function otherRoom(random: () => number, room: number): number {
  const other = pick(random, FAIR_SHAPE.rooms - 1);
  return other >= room ? other + 1 : other;
}

function tableInRoom(random: () => number, room: number, except = -1): number {
  const tables = Array.from({ length: FAIR_SHAPE.tables }, (_, i) => room * FAIR_SHAPE.tables + i);
  const choices = tables.filter((table) => table !== except);
  return choices[pick(random, choices.length)] ?? tables[0] ?? 0;
}

/**
 * One decision after a think time; null means stay. The weights make people wander from the
 * lobby into themes, sit down, change tables now and then, and sometimes leave the theme.
 */
export function nextSpot(here: Spot, random: () => number): Spot | null {
  const roll = random();
  switch (here.kind) {
    case 'lobby':
      return roll < 0.85 ? roomSpot(pick(random, FAIR_SHAPE.rooms)) : null;
    case 'stage':
      return roomSpot(pick(random, FAIR_SHAPE.rooms));
    case 'room':
      if (roll < 0.45) return tableSpot(tableInRoom(random, here.room));
      if (roll < 0.65) return roomSpot(otherRoom(random, here.room));
      if (roll < 0.75) return LOBBY_SPOT;
      return null;
    case 'table':
      if (roll < 0.5) return null;
      if (roll < 0.65) return tableSpot(tableInRoom(random, here.room, here.table));
      if (roll < 0.8) return roomSpot(here.room);
      if (roll < 0.95) return roomSpot(otherRoom(random, here.room));
      return LOBBY_SPOT;
  }
}

/** The first move after connecting: into a theme, as most people do on arrival. */
export function arrivalSpot(random: () => number): Spot {
  return roomSpot(pick(random, FAIR_SHAPE.rooms));
}
