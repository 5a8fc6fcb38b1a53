import type { FairPerson } from '@kohtaamo/protocol';

/**
 * Display names by registration id of the people the fair detail names: speakers, facilitators
 * and organisers. Agenda items and rooms refer to people by registration id only.
 */
export function staffNames(staff: readonly FairPerson[]): Map<string, string> {
  return new Map(staff.map((person) => [person.registrationId, person.displayName]));
}

/** Names for the registration ids that can be named; unknown ids are left out. */
export function knownNames(
  registrationIds: readonly string[],
  namesById: ReadonlyMap<string, string>,
): string[] {
  return registrationIds.flatMap((id) => {
    const name = namesById.get(id);
    return name ? [name] : [];
  });
}
