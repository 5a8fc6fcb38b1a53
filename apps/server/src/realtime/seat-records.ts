import type { Logger } from '../observability/logger';
import type { PresenceChange } from '../presence/types';
import type { Store } from '../store/types';
import { tableIdOf } from './places';

/**
 * Writes the seat interval a change opens or ends: one store call each, so a move from one
 * table to another (which `open` handles by ending the previous interval) is atomic.
 * `leftAtMs` overrides when a seat was freed, e.g. at the moment a connection dropped.
 */
export async function recordSeat(
  store: Store,
  change: PresenceChange,
  leftAtMs = change.at,
): Promise<void> {
  const fromTable = tableIdOf(change.from);
  const toTable = tableIdOf(change.to);
  if (fromTable === toTable) return;
  const registrationId = change.person.id;
  if (toTable) {
    await store.seatIntervals.open({
      fairId: change.fairId,
      registrationId,
      tableId: toTable,
      joinedAt: new Date(change.at),
    });
  } else if (fromTable) {
    await store.seatIntervals.close({
      fairId: change.fairId,
      registrationId,
      tableId: fromTable,
      leftAt: new Date(leftAtMs),
      freedAt: new Date(change.at),
    });
  }
}

const RETRY_DELAYS_MS = [250, 1000, 4000];

/**
 * For seats freed in the background (a reaped node, an expired reconnect window) nobody waits
 * for an answer, so a store hiccup is retried a few times before it is logged and given up.
 */
export async function recordSeatInBackground(
  store: Store,
  logger: Logger,
  change: PresenceChange,
  leftAtMs?: number,
): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      await recordSeat(store, change, leftAtMs);
      return;
    } catch (err) {
      const delayMs = RETRY_DELAYS_MS[attempt];
      if (delayMs === undefined) {
        logger.error({ err, personId: change.person.id }, 'could not record a freed seat');
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}
