import type { PersonRef } from '@kohtaamo/protocol';

/** The fair every scenario uses: 14 themes of 3 tables of 6. */
export const FAIR_SHAPE = { rooms: 14, tables: 3, capacity: 6 } as const;

export interface LoadFair {
  fairId: string;
  roomIds: string[];
  /** Table ids per room. */
  tableIds: string[][];
}

/** One participant of the swarm: who they are, and the cookie their browser would send. */
export interface LoadParticipant {
  person: PersonRef;
  /** Empty for the baseline, which checks nobody. */
  cookie: string;
}
