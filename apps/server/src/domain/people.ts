import type { PersonRef, Registration } from '@kohtaamo/protocol';

/** How a registered person appears to others in the live fair: their name and organisation. */
export function personRefOf(registration: Registration): PersonRef {
  return {
    id: registration.id,
    name: registration.profile.displayName,
    organisation: registration.profile.organisation,
  };
}
