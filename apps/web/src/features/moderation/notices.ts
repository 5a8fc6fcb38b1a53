/**
 * What the people running the fair say to everyone else: broadcasts, what a moderator did to
 * this person, the stage call, and a moderator's own actions confirmed. Worded here in the UI
 * language; the live region (`LiveAnnouncer`) and the message panel both show them. Pure.
 */
import type {
  Broadcast,
  ModerationLogEntry,
  ModerationNotice,
  StageState,
} from '@kohtaamo/protocol';
import type { TFunction } from 'i18next';
import type { FairNames } from '../live/fair-names';
import { actionText, placeText } from './moderation-log';

export type ModerationNews =
  | { kind: 'broadcast'; broadcast: Broadcast }
  /** A moderator acted on this person. */
  | { kind: 'moderation'; notice: ModerationNotice }
  | { kind: 'stage'; state: StageState }
  /** This person's own moderation action was carried out and logged. */
  | { kind: 'moderated'; entry: ModerationLogEntry };

const NEWS_KINDS: ReadonlySet<string> = new Set<ModerationNews['kind']>([
  'broadcast',
  'moderation',
  'stage',
  'moderated',
]);

/** Tells moderation news apart from the live region's other notices. */
export function isModerationNews<N extends { kind: string }>(
  notice: N,
): notice is Extract<N, ModerationNews> {
  return NEWS_KINDS.has(notice.kind);
}

export function broadcastText(broadcast: Broadcast, names: FairNames, t: TFunction): string {
  const { from, text, audience } = broadcast;
  if (audience.kind === 'fair')
    return t('facilitator.notice.broadcastFair', { name: from.name, text });
  const room = names.room(audience.roomId) ?? t('dashboard.log.unknownRoom');
  return t('facilitator.notice.broadcastRoom', { name: from.name, room, text });
}

function moderationText(notice: ModerationNotice, names: FairNames, t: TFunction): string {
  const { action, by } = notice;
  const what = (() => {
    switch (action.kind) {
      case 'mute':
        return t(`facilitator.notice.mute.${action.track}`, { name: by.name });
      case 'remove':
        return t(`facilitator.notice.remove.${action.from}`, { name: by.name });
      case 'move':
        return t('facilitator.notice.move', {
          name: by.name,
          table: names.table(action.tableId) ?? t('dashboard.log.unknownTable'),
          room: names.room(action.roomId) ?? t('dashboard.log.unknownRoom'),
        });
    }
  })();
  return notice.reason
    ? `${what} ${t('facilitator.notice.reason', { reason: notice.reason })}`
    : what;
}

export function newsText(news: ModerationNews, names: FairNames, t: TFunction): string {
  switch (news.kind) {
    case 'broadcast':
      return broadcastText(news.broadcast, names, t);
    case 'moderation':
      return moderationText(news.notice, names, t);
    case 'stage':
      return t(
        news.state.called ? 'facilitator.notice.stageCalled' : 'facilitator.notice.stageReturned',
      );
    case 'moderated': {
      const { entry } = news;
      const subject = entry.target?.name ?? placeText(entry, names, t);
      return t('facilitator.notice.done', { action: actionText(entry.action, names, t), subject });
    }
  }
}
