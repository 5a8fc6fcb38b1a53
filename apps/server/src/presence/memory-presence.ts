import { MemoryFair } from './memory-fair';
import type { Presence, PresenceOptions } from './types';

/**
 * Presence held in this process: the embedded default, right for exactly one node. Its state
 * dies with the process, which is fine because every connection places its person again.
 */
export function createMemoryPresence(options: PresenceOptions): Presence {
  const fairs = new Map<string, MemoryFair>();
  const fair = (fairId: string): MemoryFair => {
    let found = fairs.get(fairId);
    if (!found) {
      found = new MemoryFair(fairId, options.ttlMs);
      fairs.set(fairId, found);
    }
    return found;
  };

  return {
    async configureTables(fairId, tables) {
      return fair(fairId).configureTables(tables);
    },
    async move(input) {
      return fair(input.fairId).move(input);
    },
    async release({ fairId, personId, owner, now }) {
      return fair(fairId).release(personId, owner, now);
    },
    async adopt({ fairId, personId, owner, now }) {
      return fair(fairId).adopt(personId, owner, now);
    },
    async whereIs(fairId, personId) {
      return fair(fairId).whereIs(personId);
    },
    async heartbeat(fairId, personIds, now) {
      return fair(fairId).heartbeat(personIds, now);
    },
    async reap(now) {
      return [...fairs.values()].flatMap((each) => each.reap(now));
    },
    async lobby(fairId, roomIds) {
      return fair(fairId).lobby(roomIds);
    },
    async room(fairId, roomId) {
      return fair(fairId).room(roomId);
    },
    async close() {
      fairs.clear();
    },
  };
}
