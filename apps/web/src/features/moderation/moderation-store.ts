import type { StageState } from '@kohtaamo/protocol';
import { create } from 'zustand';
import { onLiveEvent } from '../../lib/realtime/live-events';
import { announce } from '../live/notice-store';
import type { ModerationNews } from './notices';

/** Messages kept on screen at once; older ones make room, since the log keeps everything. */
export const KEPT_MESSAGES = 3;

export interface KeptMessage {
  id: number;
  news: ModerationNews;
}

interface ModerationState {
  /** Whether everyone has been called to the stage; null until the server has said. */
  stage: StageState | null;
  /**
   * Broadcasts and what moderators did to this person, newest first, shown until dismissed:
   * the live region holds one notice, and a move's place-change notice would replace them.
   */
  messages: KeptMessage[];
}

const initialState: ModerationState = { stage: null, messages: [] };

export const useModerationStore = create<ModerationState>()(() => initialState);

let lastId = 0;

/** Keeps a message on screen and announces it. */
export function receiveNews(news: ModerationNews): void {
  lastId += 1;
  const kept = { id: lastId, news };
  useModerationStore.setState((state) => ({
    messages: [kept, ...state.messages].slice(0, KEPT_MESSAGES),
  }));
  announce(news);
}

export function dismissMessage(id: number): void {
  useModerationStore.setState((state) => ({
    messages: state.messages.filter((message) => message.id !== id),
  }));
}

/** The stage state as asked on connecting: known, not news, so not announced. */
export function setStageState(stage: StageState): void {
  useModerationStore.setState({ stage });
}

/**
 * Listens to the moderation events every person may hear while in the live fair; the returned
 * function stops listening and forgets them (leaving the fair).
 */
export function startModerationFeed(): () => void {
  const stops = [
    onLiveEvent('live.broadcast', (broadcast) => receiveNews({ kind: 'broadcast', broadcast })),
    onLiveEvent('moderation.notice', (notice) => receiveNews({ kind: 'moderation', notice })),
    onLiveEvent('stage.state', (state) => {
      setStageState(state);
      receiveNews({ kind: 'stage', state });
    }),
  ];
  return () => {
    for (const stop of stops) stop();
    resetModerationStore();
  };
}

/** Tests start from a clean store. */
export function resetModerationStore(): void {
  useModerationStore.setState(initialState, true);
}
