import type { Location, PersonRef, StageResult, StageState } from '@kohtaamo/protocol';
import { isCalledToStage, returnCandidates } from '../domain/moderation';
import { personRefOf } from '../domain/people';
import { currentActor, requireAction } from '../realtime/actor';
import { inBatches } from '../in-batches';
import type { Member } from '../realtime/handshake';
import { socketRooms } from '../realtime/places';
import { RealtimeError } from '../realtime/realtime-error';
import type { StagePlace } from '../store/moderation';
import type { StageCallRecord } from '../store/moderation';
import { type ModerationDeps, record } from './moderation-deps';

const STAGE: Location = { kind: 'stage' };

function stateOf(call: StageCallRecord | null): StageState {
  return call
    ? { called: true, since: call.calledAt.toISOString() }
    : { called: false, since: null };
}

/**
 * "Everyone to the stage" and "back to your tables". The places are stored before anyone
 * moves, so whichever node sends people back knows them; while the call is on, every table is
 * locked in presence (see `createLayoutCache`) so nobody takes a seat held for someone on the
 * stage, and the return seats each person through that lock into their own place.
 */
export function createStageCalls(deps: ModerationDeps) {
  const { store, live } = deps;

  /** Everyone registered who is in the fair now, with their place and role. */
  async function present(fairId: string) {
    const registrations = await store.registrations.list(fairId);
    const placed = await Promise.all(
      registrations.map(async (registration) => {
        const placement = await live.whereIs(fairId, registration.id);
        if (!placement) return [];
        return [
          {
            person: personRefOf(registration),
            role: registration.role,
            location: placement.location,
          },
        ];
      }),
    );
    return placed.flat();
  }

  async function sendBack(fairId: string, person: PersonRef, place: StagePlace): Promise<boolean> {
    const { roomIds } = await live.layout(fairId);
    for (const to of returnCandidates(place.location, roomIds)) {
      const moved = await live.moveOther(fairId, person, to, { throughLock: true });
      if (moved.ok) return true;
      if (moved.code === 'NOT_PRESENT') return false;
    }
    return false;
  }

  function announce(fairId: string, state: StageState): void {
    deps.emit(socketRooms.fair(fairId), 'stage.state', state);
  }

  return {
    async stageCall(member: Member, reason: string | undefined): Promise<StageResult> {
      const { fairId } = member;
      requireAction(await currentActor(store, member), 'stage.call', { kind: 'fair' });
      const called = (await present(fairId)).filter(({ role, location }) =>
        isCalledToStage(role, location),
      );
      const places = called.map(({ person, location }) => ({ personId: person.id, location }));
      const call = await store.stageCalls.call(
        fairId,
        { calledAt: deps.now(), calledBy: member.registrationId },
        places,
      );
      // The tables are held before anyone leaves them.
      await live.layoutChanged(fairId);
      let people = 0;
      await inBatches(called, async ({ person }) => {
        if ((await live.moveOther(fairId, person, STAGE)).ok) people += 1;
      });
      const entry = await record(deps, fairId, member.person, {
        action: { kind: 'stage.call', people },
        target: null,
        roomId: null,
        tableId: null,
        reason,
      });
      const state = stateOf(call);
      announce(fairId, state);
      return { entry, state };
    },

    async stageReturn(member: Member): Promise<StageResult> {
      const { fairId } = member;
      requireAction(await currentActor(store, member), 'stage.call', { kind: 'fair' });
      if (!(await store.stageCalls.current(fairId))) {
        throw new RealtimeError('CONFLICT', 'Nobody has been called to the stage');
      }
      const remembered = new Map(
        (await store.stageCalls.places(fairId)).map((place) => [place.personId, place]),
      );
      let people = 0;
      await inBatches(await present(fairId), async ({ person, location }) => {
        const place = remembered.get(person.id);
        // Only those still on the stage: whoever went elsewhere meanwhile chose their place.
        if (!place || location.kind !== 'stage') return;
        if (await sendBack(fairId, person, place)) people += 1;
      });
      await store.stageCalls.end(fairId);
      await live.layoutChanged(fairId);
      const entry = await record(deps, fairId, member.person, {
        action: { kind: 'stage.return', people },
        target: null,
        roomId: null,
        tableId: null,
        reason: undefined,
      });
      const state = stateOf(null);
      announce(fairId, state);
      return { entry, state };
    },

    async stageStatus(member: Member): Promise<StageState> {
      return stateOf(await store.stageCalls.current(member.fairId));
    },
  };
}
