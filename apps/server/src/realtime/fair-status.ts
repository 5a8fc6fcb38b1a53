import { admitsToLive, type FairStatus } from '@kohtaamo/protocol';
import type { Member } from './handshake';

/** A connection as far as a change of the fair's status concerns it. */
export interface StatusAwareSocket {
  data: { member: Member; sentAway?: boolean };
  disconnect(close: boolean): unknown;
}

/**
 * Closes this node's connections to the fair whose people its new status no longer admits
 * (`admitsToLive`). They are marked as sent away, so their places are freed at once rather than
 * kept for a reconnection; the client's next attempt is refused with the status's reason, which
 * the web app shows instead of the live pages. Returns how many were closed.
 */
export function sendAwayNotAdmitted(
  sockets: Iterable<StatusAwareSocket>,
  fairId: string,
  status: FairStatus,
): number {
  let closed = 0;
  for (const socket of sockets) {
    const { member } = socket.data;
    if (member.fairId !== fairId || admitsToLive(status, member.role)) continue;
    socket.data.sentAway = true;
    socket.disconnect(true);
    closed += 1;
  }
  return closed;
}
