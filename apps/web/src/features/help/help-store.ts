/**
 * Raised hands as this client sees them: the person's own hand, and the queues of the rooms a
 * facilitator or organiser has open. Fed by `help.*` answers and the live event
 * `help.changed`. React-free: components read the store and call these actions.
 */
import type { HelpChanged, HelpRequest } from '@kohtaamo/protocol';
import { create } from 'zustand';
import { onLiveEvent } from '../../lib/realtime/live-events';
import type { RealtimeErrorCode, RealtimeResult } from '../../lib/realtime/result';
import { liveRequest } from '../live/live-session';
import { mineAfter, queueAfter } from './help-state';

export interface RoomQueue {
  status: 'loading' | 'ready' | 'error';
  errorCode: RealtimeErrorCode | null;
  requests: HelpRequest[];
}

interface HelpState {
  meId: string | null;
  mine: HelpRequest | null;
  /** Someone answered my hand: shown and announced until I raise it again. */
  answered: HelpChanged | null;
  /** By room id; only the queues a panel opened. */
  queues: Record<string, RoomQueue>;
  /** The latest hand raised in an open queue, announced to the staff watching it. */
  raised: HelpRequest | null;
}

const initialState: HelpState = {
  meId: null,
  mine: null,
  answered: null,
  queues: {},
  raised: null,
};

export const useHelpStore = create<HelpState>()(() => initialState);

function setQueue(roomId: string, queue: RoomQueue): void {
  useHelpStore.setState((state) => ({ queues: { ...state.queues, [roomId]: queue } }));
}

/** Asks whether this person has a hand up (after a reload or a reconnection). */
export async function loadMine(meId: string): Promise<void> {
  useHelpStore.setState({ meId });
  const result = await liveRequest('help.mine', {});
  if (result.ok) useHelpStore.setState({ mine: result.data.request });
}

export async function raiseHand(note: string): Promise<RealtimeResult<HelpRequest>> {
  const result = await liveRequest('help.raise', note ? { note } : {});
  if (result.ok) useHelpStore.setState({ mine: result.data, answered: null });
  return result;
}

export async function lowerHand(): Promise<RealtimeResult<unknown>> {
  const result = await liveRequest('help.cancel', {});
  if (result.ok) useHelpStore.setState({ mine: null });
  return result;
}

export async function openQueue(roomId: string): Promise<void> {
  const held = useHelpStore.getState().queues[roomId];
  if (!held) setQueue(roomId, { status: 'loading', errorCode: null, requests: [] });
  const result = await liveRequest('help.queue', { roomId });
  if (result.ok)
    setQueue(roomId, { status: 'ready', errorCode: null, requests: result.data.requests });
  else if (held?.status !== 'ready') {
    setQueue(roomId, { status: 'error', errorCode: result.error.code, requests: [] });
  }
}

export async function resolveHand(request: HelpRequest): Promise<RealtimeResult<unknown>> {
  const result = await liveRequest('help.resolve', { requestId: request.id });
  // Already resolved by someone else is as good as done here.
  if (result.ok || result.error.code === 'NOT_FOUND') {
    const queue = useHelpStore.getState().queues[request.roomId];
    if (queue) {
      setQueue(request.roomId, {
        ...queue,
        requests: queue.requests.filter((held) => held.id !== request.id),
      });
    }
  }
  return result;
}

export function receiveHelpChange(change: HelpChanged): void {
  useHelpStore.setState((state) => {
    const queues = Object.fromEntries(
      Object.entries(state.queues).map(([roomId, queue]) => [
        roomId,
        { ...queue, requests: queueAfter(queue.requests, roomId, change) },
      ]),
    );
    const aboutMe = change.request.person.id === state.meId;
    const watched = change.request.roomId in state.queues;
    return {
      queues,
      mine: mineAfter(state.mine, state.meId, change),
      answered: aboutMe && change.state === 'resolved' ? change : state.answered,
      raised: change.state === 'open' && watched && !aboutMe ? change.request : state.raised,
    };
  });
}

onLiveEvent('help.changed', receiveHelpChange);

/** Tests start from a clean store. */
export function resetHelpStore(): void {
  useHelpStore.setState(initialState, true);
}
