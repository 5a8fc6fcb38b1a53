import type { Location } from '@kohtaamo/protocol';
import type { Member } from './handshake';

/** A person whose place this node keeps alive: connected here, or dropped and in grace. */
export interface Holding {
  member: Member;
  owner: string;
  location: Location;
  /** Set while the connection is gone; frees the place when it fires. */
  graceTimer?: NodeJS.Timeout;
  /** When the connection dropped, while it is gone: the seat, if freed, ends then. */
  droppedAtMs?: number;
}

/** The people this node refreshes in presence, by fair; at most one holding per person. */
export function createHoldings() {
  const fairs = new Map<string, Map<string, Holding>>();

  function stopGrace(holding: Holding): void {
    clearTimeout(holding.graceTimer);
    delete holding.graceTimer;
    delete holding.droppedAtMs;
  }

  return {
    /** Records where a connection's person is; replaces (and un-graces) an older holding. */
    hold(input: { member: Member; owner: string; location: Location }): Holding {
      const { fairId, person } = input.member;
      let people = fairs.get(fairId);
      if (!people) fairs.set(fairId, (people = new Map()));
      const previous = people.get(person.id);
      if (previous) stopGrace(previous);
      const holding: Holding = { ...input };
      people.set(person.id, holding);
      return holding;
    },

    find(fairId: string, personId: string): Holding | undefined {
      return fairs.get(fairId)?.get(personId);
    },

    /** Forgets the holding, unless a newer one has replaced it meanwhile. */
    remove(holding: Holding): void {
      stopGrace(holding);
      const people = fairs.get(holding.member.fairId);
      if (people?.get(holding.member.person.id) !== holding) return;
      people.delete(holding.member.person.id);
      if (people.size === 0) fairs.delete(holding.member.fairId);
    },

    startGrace(holding: Holding, droppedAtMs: number, graceMs: number, onExpired: () => void) {
      stopGrace(holding);
      holding.droppedAtMs = droppedAtMs;
      holding.graceTimer = setTimeout(onExpired, graceMs);
    },

    byFair(): ReadonlyMap<string, ReadonlyMap<string, Holding>> {
      return fairs;
    },

    /** Every holding, connected or in grace. */
    count(): number {
      let count = 0;
      for (const people of fairs.values()) count += people.size;
      return count;
    },

    seatedCount(): number {
      let count = 0;
      for (const people of fairs.values()) {
        for (const holding of people.values()) if (holding.location.kind === 'table') count += 1;
      }
      return count;
    },

    clear(): void {
      for (const people of fairs.values())
        for (const holding of people.values()) stopGrace(holding);
      fairs.clear();
    },
  };
}
