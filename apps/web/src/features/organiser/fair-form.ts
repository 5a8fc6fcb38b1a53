import type { Fair, Language } from '@kohtaamo/protocol';
import { isoToLocalInput, localInputToIso } from '../../lib/datetime';

export const DEFAULT_TIME_ZONE = 'Europe/Helsinki';

/** What the fair form holds: times as datetime-local values in the fair's own time zone. */
export interface FairFormValues {
  title: string;
  description: string;
  timeZone: string;
  startsLocal: string;
  endsLocal: string;
  languages: Language[];
}

export function emptyFairForm(): FairFormValues {
  return {
    title: '',
    description: '',
    timeZone: DEFAULT_TIME_ZONE,
    startsLocal: '',
    endsLocal: '',
    languages: ['fi', 'sv', 'en'],
  };
}

export function fairFormOf(fair: Fair): FairFormValues {
  return {
    title: fair.title,
    description: fair.description,
    timeZone: fair.timeZone,
    startsLocal: isoToLocalInput(fair.startsAt, fair.timeZone),
    endsLocal: isoToLocalInput(fair.endsAt, fair.timeZone),
    languages: fair.languages,
  };
}

/**
 * The request fields of the form. The times are read in the chosen zone; an empty or broken
 * time becomes '' so the protocol schema reports it against the right field.
 */
export function fairBodyOf(values: FairFormValues) {
  return {
    title: values.title,
    description: values.description,
    timeZone: values.timeZone,
    startsAt: localInputToIso(values.startsLocal, values.timeZone) ?? '',
    endsAt: localInputToIso(values.endsLocal, values.timeZone) ?? '',
    languages: values.languages,
  };
}
