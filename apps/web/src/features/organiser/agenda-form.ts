import type { AgendaItem, AgendaItemBody, AgendaKind } from '@kohtaamo/protocol';
import { addMinutes, isoToLocalInput, localInputToIso } from '../../lib/datetime';
import {
  EMPTY_LOCALIZED,
  localizedTextOf,
  localizedValuesOf,
  type LocalizedValues,
} from './localized';

/** A new item lasts this long unless changed: a typical networking round. */
const DEFAULT_ITEM_MINUTES = 30;

/** The stage, or a room id. */
export const STAGE = 'stage';

export interface AgendaFormValues {
  kind: AgendaKind;
  title: LocalizedValues;
  startsLocal: string;
  endsLocal: string;
  place: string;
  speakerIds: string[];
}

/** A new item starts where the agenda so far ends (or when the fair starts). */
export function newAgendaForm(startsAt: string, timeZone: string): AgendaFormValues {
  return {
    kind: 'speech',
    title: EMPTY_LOCALIZED,
    startsLocal: isoToLocalInput(startsAt, timeZone),
    endsLocal: isoToLocalInput(addMinutes(startsAt, DEFAULT_ITEM_MINUTES), timeZone),
    place: STAGE,
    speakerIds: [],
  };
}

/** When the next item would naturally start: at the latest end so far, else the fair start. */
export function nextStart(
  agenda: readonly Pick<AgendaItem, 'endsAt'>[],
  fairStart: string,
): string {
  let latest = fairStart;
  for (const item of agenda) if (Date.parse(item.endsAt) > Date.parse(latest)) latest = item.endsAt;
  return latest;
}

export function agendaFormOf(item: AgendaItem, timeZone: string): AgendaFormValues {
  return {
    kind: item.kind,
    title: localizedValuesOf(item.title),
    startsLocal: isoToLocalInput(item.startsAt, timeZone),
    endsLocal: isoToLocalInput(item.endsAt, timeZone),
    place: item.place.kind === 'stage' ? STAGE : item.place.roomId,
    speakerIds: item.speakerIds,
  };
}

/** The request body; times read in the fair's zone, a broken time as '' for the schema. */
export function agendaBodyOf(values: AgendaFormValues, timeZone: string): AgendaItemBody {
  return {
    kind: values.kind,
    title: localizedTextOf(values.title),
    startsAt: localInputToIso(values.startsLocal, timeZone) ?? '',
    endsAt: localInputToIso(values.endsLocal, timeZone) ?? '',
    place: values.place === STAGE ? { kind: 'stage' } : { kind: 'room', roomId: values.place },
    speakerIds: values.speakerIds,
  };
}
