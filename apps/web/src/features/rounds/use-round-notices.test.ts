import { afterEach, describe, expect, it } from 'vitest';
import { publishLiveEvent } from '../../lib/realtime/live-events';
import { resetNoticeStore, useNoticeStore } from '../live/notice-store';
import { announceRoundSeats } from './use-round-notices';

const seat = {
  itemId: 'c0000000-0000-4000-8000-000000000001',
  roomId: 'a0000000-0000-4000-8000-000000000001',
  tableId: 'b0000000-0000-4000-8000-000000000001',
  preassigned: true,
};

describe('round seat notices', () => {
  afterEach(resetNoticeStore);

  it('announces the seat a round gave, until the live fair closes', () => {
    const stop = announceRoundSeats();
    publishLiveEvent({ name: 'round.seated', payload: seat });
    expect(useNoticeStore.getState().notice).toMatchObject({
      kind: 'round',
      roomId: seat.roomId,
      tableId: seat.tableId,
      preassigned: true,
    });
    stop();
    resetNoticeStore();
    publishLiveEvent({ name: 'round.seated', payload: seat });
    expect(useNoticeStore.getState().notice).toBeNull();
  });
});
