import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../observability/logger';
import type { FreedSeat } from './meeting-service';
import { createMeetingUpdates, MEETING_UPDATE_GATHER_MS } from './meeting-updates';

const logger = createLogger('silent');

/** A meeting service whose batches finish only when the test says so. */
function recordingService() {
  const batches: { fairId: string; seats: FreedSeat[]; finish: () => void }[] = [];
  let running = 0;
  let mostAtOnce = 0;
  return {
    batches,
    mostAtOnce: () => mostAtOnce,
    seatsFreed(fairId: string, seats: readonly FreedSeat[]) {
      running += 1;
      mostAtOnce = Math.max(mostAtOnce, running);
      return new Promise<void>((resolve) => {
        batches.push({
          fairId,
          seats: [...seats],
          finish: () => {
            running -= 1;
            resolve();
          },
        });
      });
    },
  };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('meeting updates of freed seats', () => {
  it('updates a table that empties at once in one batch', async () => {
    const service = recordingService();
    const updates = createMeetingUpdates(service, logger);
    for (const personId of ['a', 'b', 'c']) updates.seatFreed('fair-1', personId, 'table-1');
    expect(service.batches).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(MEETING_UPDATE_GATHER_MS);
    expect(service.batches.map((batch) => batch.seats.map((seat) => seat.personId))).toEqual([
      ['a', 'b', 'c'],
    ]);
  });

  it('runs one batch at a time per fair; seats freed meanwhile go in the next', async () => {
    const service = recordingService();
    const updates = createMeetingUpdates(service, logger);
    updates.seatFreed('fair-1', 'a', 'table-1');
    await vi.advanceTimersByTimeAsync(MEETING_UPDATE_GATHER_MS);
    updates.seatFreed('fair-1', 'b', 'table-2');
    updates.seatFreed('fair-1', 'c', 'table-2');
    await vi.advanceTimersByTimeAsync(5 * MEETING_UPDATE_GATHER_MS);
    expect(service.batches).toHaveLength(1);

    service.batches[0]?.finish();
    await vi.advanceTimersByTimeAsync(MEETING_UPDATE_GATHER_MS);
    expect(service.batches.map((batch) => batch.seats.map((seat) => seat.personId))).toEqual([
      ['a'],
      ['b', 'c'],
    ]);
    expect(service.mostAtOnce()).toBe(1);
  });

  it('lets different fairs update side by side', async () => {
    const service = recordingService();
    const updates = createMeetingUpdates(service, logger);
    updates.seatFreed('fair-1', 'a', 'table-1');
    updates.seatFreed('fair-2', 'b', 'table-9');
    await vi.advanceTimersByTimeAsync(MEETING_UPDATE_GATHER_MS);
    expect(service.batches.map((batch) => batch.fairId).sort()).toEqual(['fair-1', 'fair-2']);
  });

  it('keeps going after a batch fails', async () => {
    const failing = { seatsFreed: vi.fn().mockRejectedValueOnce(new Error('store down')) };
    failing.seatsFreed.mockResolvedValue(undefined);
    const updates = createMeetingUpdates(failing, logger);
    updates.seatFreed('fair-1', 'a', 'table-1');
    await vi.advanceTimersByTimeAsync(MEETING_UPDATE_GATHER_MS);
    updates.seatFreed('fair-1', 'b', 'table-1');
    await vi.advanceTimersByTimeAsync(MEETING_UPDATE_GATHER_MS);
    expect(failing.seatsFreed).toHaveBeenCalledTimes(2);
  });

  it('runs what is gathered at once when the node stops, and waits for it', async () => {
    const service = recordingService();
    const updates = createMeetingUpdates(service, logger);
    updates.seatFreed('fair-1', 'a', 'table-1');
    let flushed = false;
    const flushing = updates.flush().then(() => {
      flushed = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(service.batches).toHaveLength(1);
    expect(flushed).toBe(false);
    service.batches[0]?.finish();
    await flushing;
    expect(flushed).toBe(true);
  });
});
