import type { TFunction } from 'i18next';
import type { FairNames } from '../live/fair-names';
import type { Notice } from '../live/notice-store';

/** "The round seated you at …", or null when the table's name is not known here. */
export function roundNoticeText(
  notice: Extract<Notice, { kind: 'round' }>,
  names: FairNames,
  t: TFunction,
): string | null {
  const room = names.room(notice.roomId);
  const table = names.table(notice.tableId);
  if (!room || !table) return null;
  return t(notice.preassigned ? 'rounds.seatedChosen' : 'rounds.seatedShuffled', { room, table });
}
