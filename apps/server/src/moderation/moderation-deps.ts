import { randomUUID } from 'node:crypto';
import type { Location, ModerationAction, ModerationLogEntry, PersonRef } from '@kohtaamo/protocol';
import type { MediaControl } from '../media/media-control';
import type { MoveRefusal, Placement } from '../presence/types';
import type { FairLayout } from '../realtime/layout';
import type { LiveEmit } from '../realtime/live-emit';
import { socketRooms } from '../realtime/places';
import type { Store } from '../store/types';

/** The parts of the live layer moderation drives; Socket.IO and presence stay behind them. */
export interface ModerationLive {
  layout(fairId: string): Promise<FairLayout>;
  whereIs(fairId: string, personId: string): Promise<Placement | null>;
  moveOther(
    fairId: string,
    person: PersonRef,
    to: Location,
    options?: { throughLock?: boolean },
  ): Promise<{ ok: true; from: Location } | { ok: false; code: MoveRefusal | 'NOT_PRESENT' }>;
  /** Reloads the fair's tables and pushes their rules to presence (all nodes check them). */
  layoutChanged(fairId: string): Promise<void>;
}

export interface ModerationDeps {
  store: Store;
  live: ModerationLive;
  media: MediaControl;
  emit: LiveEmit;
  now: () => Date;
}

/** What is written to the log besides who and when. */
export interface LogInput {
  action: ModerationAction;
  target: PersonRef | null;
  roomId: string | null;
  tableId: string | null;
  reason: string | undefined;
}

/**
 * Stores the entry (the action is acknowledged only after this) and tells the organisers'
 * dashboards about it.
 */
export async function record(
  deps: ModerationDeps,
  fairId: string,
  actor: PersonRef,
  input: LogInput,
): Promise<ModerationLogEntry> {
  const entry: ModerationLogEntry = {
    id: randomUUID(),
    at: deps.now().toISOString(),
    actor,
    action: input.action,
    target: input.target,
    roomId: input.roomId,
    tableId: input.tableId,
    reason: input.reason ?? null,
  };
  await deps.store.moderationLog.append(fairId, entry);
  deps.emit(socketRooms.organisers(fairId), 'moderation.logged', entry);
  return entry;
}
