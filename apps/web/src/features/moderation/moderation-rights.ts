/**
 * Which moderation controls a viewer is shown. The server checks every action again (a role can
 * change during the fair); this only keeps people from being offered what they may not do.
 * Pure, so it is tested without React.
 */
import type { Registration, Room, RoomMember } from '@kohtaamo/protocol';
import type { TableView } from '../live/room-view';

type Viewer = Pick<Registration, 'id' | 'role' | 'facilitatorRoomIds'>;

/** Organisers moderate every room; facilitators the rooms they are assigned to. */
export function mayModerateRoom(
  viewer: Viewer,
  room: Pick<Room, 'id' | 'facilitatorIds'>,
): boolean {
  if (viewer.role === 'organiser') return true;
  if (viewer.role !== 'facilitator') return false;
  return viewer.facilitatorRoomIds.includes(room.id) || room.facilitatorIds.includes(viewer.id);
}

/** The fair-wide dashboard (stage call, fair broadcasts, the log) is the organisers'. */
export function mayUseDashboard(viewer: Pick<Registration, 'role'>): boolean {
  return viewer.role === 'organiser';
}

export type PersonAction = 'muteMicrophone' | 'muteCamera' | 'removeFromTable' | 'removeFromRoom';

/**
 * What can be done to someone in the room. Nothing to oneself; media exists only at a table, so
 * muting and taking someone from a table are offered for seated people only.
 */
export function personActions(
  person: { id: string; tableId: string | null },
  viewerId: string,
): PersonAction[] {
  if (person.id === viewerId) return [];
  const seated: PersonAction[] = ['muteMicrophone', 'muteCamera', 'removeFromTable'];
  return [...(person.tableId ? seated : []), 'removeFromRoom'];
}

/**
 * Tables someone can be moved to: not the one they sit at, and only tables that take a newcomer
 * (a locked, closed or full table refuses a move as it refuses a sit).
 */
export function moveTargets(
  tables: readonly TableView[],
  currentTableId: string | null,
): TableView[] {
  return tables.filter(
    (table) => table.id !== currentTableId && !table.closed && !table.locked && table.free > 0,
  );
}

export type TableRuleChange = 'lock' | 'unlock' | 'close' | 'open';

/** The two switches of a table: locked or not, closed or not; each offers its opposite. */
export function tableRuleChanges(table: Pick<TableView, 'locked' | 'closed'>): TableRuleChange[] {
  return [table.locked ? 'unlock' : 'lock', table.closed ? 'open' : 'close'];
}

/**
 * The people of a room as the panel lists them: those seated in the tables' order, then those
 * standing; by name within each.
 */
export function peopleInTableOrder(
  members: readonly RoomMember[],
  tables: readonly Pick<TableView, 'id'>[],
): RoomMember[] {
  const order = new Map(tables.map((table, index) => [table.id, index]));
  const rank = (member: RoomMember) =>
    member.tableId === null ? tables.length : (order.get(member.tableId) ?? tables.length);
  return [...members].sort(
    (a, b) => rank(a) - rank(b) || a.person.name.localeCompare(b.person.name),
  );
}
