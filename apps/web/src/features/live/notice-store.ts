import type { AgendaCue, Location } from '@kohtaamo/protocol';
import { create } from 'zustand';
import type { RealtimeErrorCode } from '../../lib/realtime/result';
import type { ModerationNews } from '../moderation/notices';

/** A table action the person asked for and the server carried out. */
export type TableAction = 'sit' | 'move' | 'leave';

/** What the live region announces; names are looked up when it is shown, in the UI language. */
export type Notice =
  | { kind: 'error'; code: RealtimeErrorCode }
  | { kind: 'done'; action: TableAction; roomId: string; tableId: string }
  /** The server changed this person's place without being asked. */
  | { kind: 'moved'; location: Location; previous: Location | null }
  /** Opening the fair anew found the person still in a room or at a table: back there. */
  | { kind: 'returned'; location: Location }
  /** A networking round seated the person here (the organisers chose it, or the shuffle). */
  | { kind: 'round'; roomId: string; tableId: string; preassigned: boolean }
  /** News about a card exchange from the other person (`name`). */
  | { kind: 'contact'; news: ContactNews; name: string }
  /** Broadcasts, moderation and the stage call (`features/moderation`). */
  | ModerationNews
  /** An announcement of the live agenda ("the opening speech starts in 2 minutes"). */
  | { kind: 'agenda'; cue: AgendaCue };

export type ContactNews = 'request' | 'accepted' | 'declined' | 'withdrawn';

interface NoticeState {
  /** `id` changes with every notice, so the same message twice is announced twice. */
  notice: (Notice & { id: number }) | null;
}

const initialState: NoticeState = { notice: null };

export const useNoticeStore = create<NoticeState>()(() => initialState);

let lastId = 0;

export function announce(notice: Notice): void {
  lastId += 1;
  useNoticeStore.setState({ notice: { ...notice, id: lastId } });
}

export function clearNotice(): void {
  useNoticeStore.setState({ notice: null });
}

/** Tests start from a clean store. */
export function resetNoticeStore(): void {
  useNoticeStore.setState(initialState, true);
}
