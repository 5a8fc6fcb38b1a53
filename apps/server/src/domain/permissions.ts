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

/**
 * What someone running a live fair may do to others. Facilitators may do the room actions in
 * the rooms they are assigned to; organisers may do everything, everywhere.
 */
export const ROOM_ACTIONS = [
  'media.mute',
  'member.remove',
  'member.move',
  'table.rules',
  'room.broadcast',
  'room.round',
  'chat.delete',
  'help.queue',
] as const;
export type RoomAction = (typeof ROOM_ACTIONS)[number];

/** Actions over the whole fair: only organisers. */
export const FAIR_LIVE_ACTIONS = [
  'fair.broadcast',
  'agenda.control',
  'stage.call',
  'round.seating',
  'moderation.log',
] as const;
export type FairLiveAction = (typeof FAIR_LIVE_ACTIONS)[number];

export type LiveAction = RoomAction | FairLiveAction;

/** Who is asking, as the store knows them at the time of asking (roles can change mid-fair). */
export interface Actor {
  registrationId: string;
  role: Role;
  facilitatorRoomIds: readonly string[];
}

/** Where an action takes effect: a room of the fair, or the fair as a whole. */
export type ActionScope = { kind: 'room'; roomId: string } | { kind: 'fair' };

function isRoomAction(action: LiveAction): action is RoomAction {
  return (ROOM_ACTIONS as readonly string[]).includes(action);
}

/**
 * Whether `actor` may take `action` in `scope`. A room action that touches two rooms (moving
 * someone from one room's table to another's) must be allowed in both; callers ask twice.
 */
export function mayAct(actor: Actor, action: LiveAction, scope: ActionScope): boolean {
  if (actor.role === 'organiser') return true;
  if (actor.role !== 'facilitator' || !isRoomAction(action) || scope.kind !== 'room') return false;
  return actor.facilitatorRoomIds.includes(scope.roomId);
}
