import type { HelpChanged, HelpRequest } from '@kohtaamo/protocol';

function byWaiting(a: HelpRequest, b: HelpRequest): number {
  if (a.raisedAt !== b.raisedAt) return a.raisedAt < b.raisedAt ? -1 : 1;
  return a.id < b.id ? -1 : 1;
}

/**
 * A room's queue after a change: an open hand in this room joins it (or replaces its older
 * self), anything else leaves it: resolved, cancelled, or moved to another room.
 */
export function queueAfter(
  queue: readonly HelpRequest[],
  roomId: string,
  change: HelpChanged,
): HelpRequest[] {
  const others = queue.filter((request) => request.id !== change.request.id);
  if (change.state !== 'open' || change.request.roomId !== roomId) return others;
  return [...others, change.request].sort(byWaiting);
}

/** The person's own open hand after a change, if the change is about them. */
export function mineAfter(
  mine: HelpRequest | null,
  meId: string | null,
  change: HelpChanged,
): HelpRequest | null {
  if (change.request.person.id !== meId) return mine;
  if (change.state === 'open') return change.request;
  return mine?.id === change.request.id ? null : mine;
}
