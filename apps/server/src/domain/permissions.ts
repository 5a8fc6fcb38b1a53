import { ROLES, type Role } from '@kohtaamo/protocol';

/** What a person may do within a fair they are registered for. */
export type FairAction =
  /** See the fair, its rooms, tables and agenda, and edit one's own profile. */
  | 'fair.read'
  /** Edit the fair, its rooms, tables and agenda; assign roles; see registrations and the invite. */
  | 'fair.manage';

const allowedActions: Record<Role, ReadonlySet<FairAction>> = {
  organiser: new Set(['fair.read', 'fair.manage']),
  facilitator: new Set(['fair.read']),
  speaker: new Set(['fair.read']),
  participant: new Set(['fair.read']),
};

export function isAllowed(role: Role, action: FairAction): boolean {
  return allowedActions[role].has(action);
}

/** People others in a fair may see by name: everyone who runs it, not the participants. */
export const STAFF_ROLES: readonly Role[] = ROLES.filter((role) => role !== 'participant');
