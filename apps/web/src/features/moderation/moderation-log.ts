/**
 * The moderation log as the organiser reads it: entries loaded over REST and those heard live
 * merged into one list, and each entry put into words. Pure, so it is tested without React.
 */
import {
  ERASED_PERSON_ID,
  MODERATION_LOG_LIMIT,
  type ModerationAction,
  type ModerationLogEntry,
} from '@kohtaamo/protocol';
import type { TFunction } from 'i18next';
import type { FairNames } from '../live/fair-names';

/**
 * Newest first, each entry once: a live entry may also be in a list loaded a moment later, and
 * the organiser's own action arrives both as its acknowledgement and as `moderation.logged`.
 */
export function mergeLogEntries(
  current: readonly ModerationLogEntry[],
  incoming: readonly ModerationLogEntry[],
): ModerationLogEntry[] {
  const byId = new Map(current.map((entry) => [entry.id, entry]));
  for (const entry of incoming) byId.set(entry.id, entry);
  return [...byId.values()]
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at) || b.id.localeCompare(a.id))
    .slice(0, MODERATION_LOG_LIMIT);
}

/** What was done, without who did it or to whom ("Muted the microphone"). */
export function actionText(action: ModerationAction, names: FairNames, t: TFunction): string {
  switch (action.kind) {
    case 'mute':
      return t(`dashboard.log.mute.${action.track}`);
    case 'remove':
      return t(`dashboard.log.remove.${action.from}`);
    case 'move':
      return t('dashboard.log.move', {
        table: names.table(action.tableId) ?? t('dashboard.log.unknownTable'),
        room: names.room(action.roomId) ?? t('dashboard.log.unknownRoom'),
      });
    case 'table':
      return t(`dashboard.log.table.${action.change}`);
    case 'broadcast':
      return action.audience.kind === 'fair'
        ? t('dashboard.log.broadcastFair', { text: action.text })
        : t('dashboard.log.broadcastRoom', {
            text: action.text,
            room: names.room(action.audience.roomId) ?? t('dashboard.log.unknownRoom'),
          });
    case 'stage.call':
      return t('dashboard.log.stageCall', { count: action.people });
    case 'stage.return':
      return t('dashboard.log.stageReturn', { count: action.people });
  }
}

/** Where an action took effect: a table (with its room), a room, or the whole fair. */
export function placeText(
  entry: Pick<ModerationLogEntry, 'roomId' | 'tableId'>,
  names: FairNames,
  t: TFunction,
): string {
  const room = entry.roomId ? (names.room(entry.roomId) ?? t('dashboard.log.unknownRoom')) : null;
  if (entry.tableId) {
    const table = names.table(entry.tableId) ?? t('dashboard.log.unknownTable');
    return room ? t('dashboard.log.tableInRoom', { table, room }) : table;
  }
  return room ?? t('dashboard.log.wholeFair');
}

export interface LogRow {
  id: string;
  time: string;
  actor: string;
  action: string;
  target: string;
  place: string;
  reason: string;
}

/** A person as logged; one whose account was deleted has been anonymised in the store. */
function loggedName(person: ModerationLogEntry['actor'], t: TFunction): string {
  return person.id === ERASED_PERSON_ID ? t('dashboard.log.deletedAccount') : person.name;
}

/** One row of the log table, every cell in words; times in the fair's time zone. */
export function logRow(
  entry: ModerationLogEntry,
  names: FairNames,
  t: TFunction,
  format: Intl.DateTimeFormat,
): LogRow {
  const none = t('dashboard.log.none');
  return {
    id: entry.id,
    time: format.format(Date.parse(entry.at)),
    actor: loggedName(entry.actor, t),
    action: actionText(entry.action, names, t),
    target: entry.target ? loggedName(entry.target, t) : none,
    place: placeText(entry, names, t),
    reason: entry.reason ?? none,
  };
}

/** Times of day with seconds: a log read during the fair, where order within a minute matters. */
export function logTimeFormat(locale: string, timeZone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZone,
  });
}
