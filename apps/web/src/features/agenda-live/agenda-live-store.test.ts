import type { AgendaCue, LiveAgendaState } from '@kohtaamo/protocol';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { publishLiveEvent } from '../../lib/realtime/live-events';
import { setConnectionStatus } from '../live/connection-store';
import { liveRequest } from '../live/live-session';
import { resetNoticeStore, useNoticeStore } from '../live/notice-store';
import { resetAgendaLiveStore, sendAgendaControl, useAgendaLiveStore } from './agenda-live-store';

vi.mock('../live/live-session', () => ({ liveRequest: vi.fn() }));

const iso = (hhmmss: string) => `2021-03-10T${hhmmss}.000Z`;
const state = (serverNow: string, phase: LiveAgendaState['phase'] = 'running') => ({
  serverNow: iso(serverNow),
  phase,
  pausedAt: null,
  endedAt: null,
  currentId: null,
  nextId: null,
  items: [],
  roomRounds: [],
});
const cue: AgendaCue = {
  id: 'fair.ended:fair:1615370400000',
  kind: 'fair.ended',
  at: iso('10:00:00'),
};

describe('the live agenda store', () => {
  afterEach(() => {
    resetAgendaLiveStore();
    resetNoticeStore();
    vi.useRealTimers();
    vi.mocked(liveRequest).mockReset();
  });

  it('keeps the pushed state and how far the server clock is ahead of this browser', () => {
    vi.useFakeTimers({ now: Date.parse(iso('10:29:58')) });
    publishLiveEvent({ name: 'agenda.state', payload: state('10:30:00') });
    expect(useAgendaLiveStore.getState()).toMatchObject({
      agenda: { phase: 'running' },
      offsetMs: 2000,
    });
  });

  it('drops a state older than the one it shows', () => {
    publishLiveEvent({ name: 'agenda.state', payload: state('10:30:00', 'paused') });
    publishLiveEvent({ name: 'agenda.state', payload: state('10:29:59', 'running') });
    expect(useAgendaLiveStore.getState().agenda?.phase).toBe('paused');
  });

  it('announces a cue through the live region once, even if it is heard twice', () => {
    publishLiveEvent({ name: 'agenda.cue', payload: cue });
    const first = useNoticeStore.getState().notice;
    expect(first).toMatchObject({ kind: 'agenda', cue: { kind: 'fair.ended' } });
    publishLiveEvent({ name: 'agenda.cue', payload: cue });
    expect(useNoticeStore.getState().notice?.id).toBe(first?.id);
  });

  it('asks for the live agenda when the connection comes (back)', async () => {
    vi.mocked(liveRequest).mockResolvedValue({ ok: true, data: state('10:30:00') });
    setConnectionStatus({ kind: 'connected' });
    await vi.waitFor(() => expect(useAgendaLiveStore.getState().agenda).not.toBeNull());
    expect(liveRequest).toHaveBeenCalledWith('agenda.live', {});
    setConnectionStatus({ kind: 'idle' });
    expect(useAgendaLiveStore.getState().agenda).toBeNull();
  });

  it('announces a refused control and keeps the state it had', async () => {
    vi.mocked(liveRequest).mockResolvedValue({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'You may not do that here' },
    });
    expect(await sendAgendaControl({ kind: 'fair.pause' })).toBe(false);
    expect(useNoticeStore.getState().notice).toMatchObject({ kind: 'error', code: 'FORBIDDEN' });
    expect(useAgendaLiveStore.getState().agenda).toBeNull();
  });
});
