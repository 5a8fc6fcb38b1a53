import type { PersonRef, Role } from '@kohtaamo/protocol';
import { personRefOf } from '../domain/people';
import type { Store } from '../store/types';

export interface CallPerson {
  person: PersonRef;
  role: Role;
}

export interface PeopleLookup {
  get(fairId: string, personId: string): Promise<CallPerson | null>;
}

/** Roles change rarely, while every ICE candidate on the stage asks for one. */
const MAX_ENTRIES = 10_000;

/** People by registration id, cached briefly: a role change reaches calls within `maxAgeMs`. */
export function createPeopleLookup(
  store: Store,
  options: { maxAgeMs: number; nowMs: () => number },
): PeopleLookup {
  const cached = new Map<string, { loadedAtMs: number; value: Promise<CallPerson | null> }>();

  async function load(fairId: string, personId: string): Promise<CallPerson | null> {
    const registration = await store.registrations.findById(fairId, personId);
    if (!registration) return null;
    return { person: personRefOf(registration), role: registration.role };
  }

  return {
    get(fairId, personId) {
      const key = `${fairId}:${personId}`;
      const entry = cached.get(key);
      if (entry && options.nowMs() - entry.loadedAtMs < options.maxAgeMs) return entry.value;
      if (cached.size >= MAX_ENTRIES) cached.clear();
      const value = load(fairId, personId);
      cached.set(key, { loadedAtMs: options.nowMs(), value });
      value.catch(() => {
        if (cached.get(key)?.value === value) cached.delete(key);
      });
      return value;
    },
  };
}
