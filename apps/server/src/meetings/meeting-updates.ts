import type { Logger } from '../observability/logger';
import type { FreedSeat, MeetingService } from './meeting-service';

/**
 * How long freed seats are gathered before their meeting update runs. A table emptying at the end
 * of a round, or everyone called to the stage, frees its seats within this; a person still sees
 * their new count well within a second.
 */
export const MEETING_UPDATE_GATHER_MS = 100;

interface FairUpdates {
  pending: FreedSeat[];
  timer: ReturnType<typeof setTimeout> | undefined;
  running: Promise<void> | undefined;
}

/**
 * Runs the meeting updates of freed seats in batches, one batch at a time per fair. Without it,
 * a burst of freed seats (a stage call moving 500 people) started 500 updates at once, each
 * rebuilding the views of all its tablemates, and the seat writes of the people still moving
 * queued behind them for seconds.
 */
export function createMeetingUpdates(
  meetings: Pick<MeetingService, 'seatsFreed'>,
  logger: Logger,
  gatherMs = MEETING_UPDATE_GATHER_MS,
) {
  const fairs = new Map<string, FairUpdates>();

  function schedule(fairId: string, updates: FairUpdates): void {
    if (updates.timer || updates.running) return;
    updates.timer = setTimeout(() => {
      updates.timer = undefined;
      updates.running = run(fairId, updates);
    }, gatherMs);
  }

  async function run(fairId: string, updates: FairUpdates): Promise<void> {
    const batch = updates.pending.splice(0);
    try {
      await meetings.seatsFreed(fairId, batch);
    } catch (err) {
      logger.warn(
        { err, fairId, seats: batch.length },
        'could not update the meetings of freed seats',
      );
    }
    updates.running = undefined;
    if (updates.pending.length > 0) schedule(fairId, updates);
    else if (!updates.timer) fairs.delete(fairId);
  }

  return {
    /** A seat was freed and its interval stored. */
    seatFreed(fairId: string, personId: string, tableId: string): void {
      const updates = fairs.get(fairId) ?? { pending: [], timer: undefined, running: undefined };
      fairs.set(fairId, updates);
      updates.pending.push({ personId, tableId });
      schedule(fairId, updates);
    },

    /** Fairs with updates gathered or running; none once the freed seats are all handled. */
    busyFairs(): number {
      return fairs.size;
    },

    /** Runs what is gathered now and waits until no update is left: the node is stopping. */
    async flush(): Promise<void> {
      for (;;) {
        const waiting = [...fairs].filter(([, updates]) => updates.timer ?? updates.running);
        if (waiting.length === 0) return;
        for (const [fairId, updates] of waiting) {
          if (!updates.timer) continue;
          clearTimeout(updates.timer);
          updates.timer = undefined;
          updates.running = run(fairId, updates);
        }
        await Promise.all(waiting.map(([, updates]) => updates.running));
      }
    },
  };
}
