import type { Broadcast } from '@kohtaamo/protocol';
import { aino, omar, ROOM_A, TABLE_2 } from '@kohtaamo/protocol/fixtures';
import type { TFunction } from 'i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { publishLiveEvent } from '../../lib/realtime/live-events';
import { noticeText } from '../live/notice-text';
import { resetNoticeStore, useNoticeStore } from '../live/notice-store';
import { englishT, logEntry, names } from './moderation-fixtures';
import {
  dismissMessage,
  KEPT_MESSAGES,
  startModerationFeed,
  useModerationStore,
} from './moderation-store';

let t: TFunction;
beforeAll(async () => {
  t = await englishT();
});

let stop: (() => void) | null = null;
afterEach(() => {
  stop?.();
  stop = null;
  resetNoticeStore();
});

function broadcast(text: string, roomId?: string): Broadcast {
  return {
    id: '7c2d0b1a-0000-4000-8000-000000000001',
    from: omar,
    audience: roomId ? { kind: 'room', roomId } : { kind: 'fair' },
    text,
    sentAt: '2026-05-04T09:00:00.000Z',
  };
}

const announced = () => {
  const notice = useNoticeStore.getState().notice;
  return notice ? noticeText(notice, names, t) : null;
};

describe('moderation feed', () => {
  it('announces a broadcast and keeps it on screen', () => {
    stop = startModerationFeed();
    publishLiveEvent({ name: 'live.broadcast', payload: broadcast('Lunch in 5 minutes', ROOM_A) });
    expect(announced()).toBe('Message from Omar Hassan to Housing: Lunch in 5 minutes');
    expect(useModerationStore.getState().messages).toHaveLength(1);
  });

  it('tells the person what a moderator did, with the reason', () => {
    stop = startModerationFeed();
    publishLiveEvent({
      name: 'moderation.notice',
      payload: {
        action: { kind: 'move', roomId: ROOM_A, tableId: TABLE_2 },
        by: omar,
        reason: 'This table speaks Swedish',
        at: '2026-05-04T09:00:00.000Z',
      },
    });
    expect(announced()).toBe(
      'Omar Hassan moved you to Table 2 in Housing. Reason: This table speaks Swedish',
    );
  });

  it('announces the stage call and remembers that it is on', () => {
    stop = startModerationFeed();
    const state = { called: true, since: '2026-05-04T09:00:00.000Z' };
    publishLiveEvent({ name: 'stage.state', payload: state });
    expect(announced()).toMatch(/^Everyone to the stage!/);
    expect(useModerationStore.getState().stage).toEqual(state);
  });

  it('keeps only the newest few messages, and a dismissed one goes', () => {
    stop = startModerationFeed();
    for (const text of ['one', 'two', 'three', 'four']) {
      publishLiveEvent({ name: 'live.broadcast', payload: broadcast(text) });
    }
    const kept = useModerationStore.getState().messages;
    expect(kept).toHaveLength(KEPT_MESSAGES);
    const texts = kept.map((message) =>
      message.news.kind === 'broadcast' ? message.news.broadcast.text : null,
    );
    expect(texts).toEqual(['four', 'three', 'two']);
    dismissMessage(kept[0]?.id ?? -1);
    expect(useModerationStore.getState().messages).toHaveLength(KEPT_MESSAGES - 1);
  });

  it('stops listening and forgets everything when the person leaves the fair', () => {
    stop = startModerationFeed();
    publishLiveEvent({ name: 'live.broadcast', payload: broadcast('before') });
    stop();
    stop = null;
    resetNoticeStore();
    publishLiveEvent({ name: 'live.broadcast', payload: broadcast('after') });
    expect(useModerationStore.getState().messages).toEqual([]);
    expect(useNoticeStore.getState().notice).toBeNull();
  });

  it('confirms a moderator’s own action by what was done and to whom', () => {
    const entry = logEntry({ target: aino });
    const text = noticeText({ kind: 'moderated', entry }, names, t);
    expect(text).toBe('Done: Muted the microphone (Aino Virtanen).');
  });
});
