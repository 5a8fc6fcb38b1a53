import type { FairStatus } from './fairs';
import type { Role } from './registrations';

/**
 * Who may enter a fair's live pages and its realtime connection, by the fair's status:
 * - draft: the people who run it (organisers, facilitators, speakers), to prepare and rehearse;
 * - open and live: everyone registered (the lobby opens before the first item starts);
 * - closed: organisers only. Everyone keeps their contacts, "People I met" and exports, which
 *   are REST pages outside the live fair.
 * The server checks this at the handshake and when the status changes; the web app checks it
 * before connecting so the person reads why instead of a page that cannot work.
 */
export function admitsToLive(status: FairStatus, role: Role): boolean {
  switch (status) {
    case 'draft':
      return role !== 'participant';
    case 'open':
    case 'live':
      return true;
    case 'closed':
      return role === 'organiser';
  }
}

/** Why a person was not admitted: the refusal the handshake answers with. */
export function liveRefusalOf(status: FairStatus): 'FAIR_NOT_OPEN' | 'FAIR_CLOSED' {
  return status === 'closed' ? 'FAIR_CLOSED' : 'FAIR_NOT_OPEN';
}

/** A status a fair can be moved on to, and one it can be moved back to. */
export type LaterFairStatus = Exclude<FairStatus, 'draft'>;
export type EarlierFairStatus = Exclude<FairStatus, 'closed'>;

const STEPS: Record<
  FairStatus,
  { next: LaterFairStatus | undefined; previous: EarlierFairStatus | undefined }
> = {
  draft: { next: 'open', previous: undefined },
  open: { next: 'live', previous: 'draft' },
  live: { next: 'closed', previous: 'open' },
  closed: { next: undefined, previous: 'live' },
};

/**
 * The statuses an organiser can move a fair to from `status`: one step on (draft → open → live
 * → closed) or one step back (to undo a step taken too early, or to reopen a closed fair).
 */
export function fairStatusSteps(status: FairStatus): {
  next: LaterFairStatus | undefined;
  previous: EarlierFairStatus | undefined;
} {
  return STEPS[status];
}
