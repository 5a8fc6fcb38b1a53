import type { Location } from '@kohtaamo/protocol';
import type { TFunction } from 'i18next';
import { isModerationNews, newsText } from '../moderation/notices';
import { agendaCueText } from '../agenda-live/cue-text';
import type { FairNames } from './fair-names';
import { roundNoticeText } from '../rounds/round-notice-text';
import type { Notice } from './notice-store';

/** The sentence a notice is announced with, in the UI language. */
export function noticeText(notice: Notice, names: FairNames, t: TFunction): string {
  if (notice.kind === 'error') return t(`errors.${notice.code}`);
  if (notice.kind === 'contact') return t(`contactNotice.${notice.news}`, { name: notice.name });
  if (isModerationNews(notice)) return newsText(notice, names, t);
  if (notice.kind === 'agenda') return agendaCueText(notice.cue, names, t);
  const placeChanged = t('liveNotice.placeChanged');
  if (notice.kind === 'round') return roundNoticeText(notice, names, t) ?? placeChanged;
  if (notice.kind === 'done') {
    const table = names.table(notice.tableId);
    return table ? t(`liveNotice.${notice.action}`, { table }) : placeChanged;
  }
  if (notice.kind === 'returned') return returnedText(notice.location, names, t) ?? placeChanged;
  const { location, previous } = notice;
  switch (location.kind) {
    case 'lobby':
      return t('liveNotice.movedLobby');
    case 'stage':
      return t('liveNotice.movedStage');
    case 'room': {
      // Standing up in the same room means the seat was lost (a facilitator, a timeout).
      if (previous?.kind === 'table' && previous.roomId === location.roomId) {
        const table = names.table(previous.tableId);
        return table ? t('liveNotice.seatLost', { table }) : placeChanged;
      }
      const room = names.room(location.roomId);
      return room ? t('liveNotice.movedRoom', { room }) : placeChanged;
    }
    case 'table': {
      const room = names.room(location.roomId);
      const table = names.table(location.tableId);
      return room && table ? t('liveNotice.movedTable', { room, table }) : placeChanged;
    }
  }
}

/** "Welcome back" with the room, and the table when seated; null for a place it cannot name. */
function returnedText(location: Location, names: FairNames, t: TFunction): string | null {
  if (location.kind !== 'room' && location.kind !== 'table') return null;
  const room = names.room(location.roomId);
  if (!room) return null;
  if (location.kind === 'room') return t('liveNotice.returnedRoom', { room });
  const table = names.table(location.tableId);
  return table ? t('liveNotice.returnedTable', { room, table }) : null;
}
