import type { TableRules } from '../presence/types';
import type { Store } from '../store/types';

/** The rooms and tables of a fair, as the realtime layer checks destinations against them. */
export interface FairLayout {
  roomIds: string[];
  tables: Map<string, TableRules>;
}

export interface LayoutCache {
  get(fairId: string): Promise<FairLayout>;
  /** Drops the cached layout so the next `get` reads the store. */
  invalidate(fairId: string): void;
  /** Whether `layout` is still the newest one loaded: no reload started after it. */
  isCurrent(fairId: string, layout: FairLayout): boolean;
}

interface CachedLayout {
  loadedAtMs: number;
  layout: Promise<FairLayout>;
  /** Set once the load has finished, so a finished layout can be told current or overtaken. */
  loaded?: FairLayout;
}

/**
 * Rooms and tables change rarely (an organiser edits them) but every move checks them, so they
 * are cached. Every node is told of an edit and drops its copy (`layout.changed`); `maxAgeMs`
 * bounds the age of a copy should that message be lost. Seat rules that must hold everywhere at
 * once (lock, capacity) are enforced by presence, not by this cache.
 */
export function createLayoutCache(
  store: {
    rooms: Pick<Store['rooms'], 'listWithTables'>;
    stageCalls: Pick<Store['stageCalls'], 'current'>;
  },
  options: {
    maxAgeMs: number;
    nowMs: () => number;
    /** Seats per table whatever the organiser set: a mesh call cannot carry more people. */
    maxTableCapacity?: number;
  },
): LayoutCache {
  const maxCapacity = options.maxTableCapacity ?? Number.POSITIVE_INFINITY;
  const cached = new Map<string, CachedLayout>();

  async function load(fairId: string): Promise<FairLayout> {
    const [rooms, stageCall] = await Promise.all([
      store.rooms.listWithTables(fairId),
      store.stageCalls.current(fairId),
    ]);
    // While everyone is on the stage every table is locked in presence, so nobody takes a seat
    // held for someone there; the stage return seats them through the lock.
    const held = stageCall !== null;
    const tables = new Map<string, TableRules>();
    for (const room of rooms) {
      for (const table of room.tables) {
        tables.set(table.id, {
          tableId: table.id,
          roomId: room.id,
          capacity: Math.min(table.capacity, maxCapacity),
          locked: table.locked || held,
          closed: table.closed,
        });
      }
    }
    return { roomIds: rooms.map((room) => room.id), tables };
  }

  return {
    get(fairId) {
      const entry = cached.get(fairId);
      if (entry && options.nowMs() - entry.loadedAtMs < options.maxAgeMs) return entry.layout;
      const layout = load(fairId);
      const fresh: CachedLayout = { loadedAtMs: options.nowMs(), layout };
      cached.set(fairId, fresh);
      layout.then(
        (loaded) => {
          fresh.loaded = loaded;
        },
        // A failed load must not stay cached: the next caller tries the store again.
        () => {
          if (cached.get(fairId) === fresh) cached.delete(fairId);
        },
      );
      return layout;
    },
    invalidate(fairId) {
      cached.delete(fairId);
    },
    isCurrent(fairId, layout) {
      return cached.get(fairId)?.loaded === layout;
    },
  };
}
