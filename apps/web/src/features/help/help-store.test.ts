import type { HelpRequest } from '@kohtaamo/protocol';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { publishLiveEvent } from '../../lib/realtime/live-events';
import { liveRequest } from '../live/live-session';
import { loadMine, openQueue, raiseHand, resetHelpStore, useHelpStore } from './help-store';

vi.mock('../live/live-session', () => ({ liveRequest: vi.fn() }));

const ROOM = '00000000-0000-4000-8000-0000000000aa';
const aino = { id: '00000000-0000-4000-8000-000000000001', name: 'Aino', organisation: 'Silta ry' };
const fiia = { id: '00000000-0000-4000-8000-000000000003', name: 'Fiia', organisation: 'Kunta' };
const hand: HelpRequest = {
  id: '20000000-0000-4000-8000-000000000001',
  roomId: ROOM,
  person: aino,
  note: 'Kamera',
  raisedAt: '2026-05-12T09:00:00.000Z',
};

describe('the help store', () => {
  afterEach(() => {
    resetHelpStore();
    vi.mocked(liveRequest).mockReset();
  });

  it('tells the person who answered their hand and lowers it', async () => {
    vi.mocked(liveRequest).mockResolvedValueOnce({ ok: true, data: { request: null } });
    await loadMine(aino.id);
    vi.mocked(liveRequest).mockResolvedValueOnce({ ok: true, data: hand });
    await raiseHand('Kamera');
    expect(liveRequest).toHaveBeenLastCalledWith('help.raise', { note: 'Kamera' });
    expect(useHelpStore.getState().mine).toEqual(hand);

    const resolved = { request: hand, state: 'resolved', by: fiia } as const;
    publishLiveEvent({ name: 'help.changed', payload: resolved });
    expect(useHelpStore.getState()).toMatchObject({ mine: null, answered: resolved });
  });

  it('keeps an open queue current and announces new hands to the staff watching it', async () => {
    vi.mocked(liveRequest).mockResolvedValueOnce({ ok: true, data: { requests: [] } });
    await openQueue(ROOM);
    publishLiveEvent({ name: 'help.changed', payload: { request: hand, state: 'open', by: null } });
    expect(useHelpStore.getState().queues[ROOM]?.requests).toEqual([hand]);
    expect(useHelpStore.getState().raised).toEqual(hand);
    publishLiveEvent({
      name: 'help.changed',
      payload: { request: hand, state: 'cancelled', by: null },
    });
    expect(useHelpStore.getState().queues[ROOM]?.requests).toEqual([]);
  });
});
