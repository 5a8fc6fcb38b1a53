import { type ActionScope, type Actor, type LiveAction, mayAct } from '../domain/permissions';
import type { Store } from '../store/types';
import type { Member } from './handshake';
import { RealtimeError } from './realtime-error';

/**
 * Who is asking, read from the store at the time of asking rather than from the handshake: an
 * organiser who takes a facilitator's rooms away expects it to hold at once, on every node.
 */
export async function currentActor(store: Store, member: Member): Promise<Actor> {
  const registration = await store.registrations.findById(member.fairId, member.registrationId);
  if (!registration) throw new RealtimeError('NOT_REGISTERED', 'You are not registered any more');
  return {
    registrationId: registration.id,
    role: registration.role,
    facilitatorRoomIds: registration.facilitatorRoomIds,
  };
}

/** Throws FORBIDDEN unless the actor may take the action in every scope named. */
export function requireAction(actor: Actor, action: LiveAction, ...scopes: ActionScope[]): void {
  for (const scope of scopes) {
    if (!mayAct(actor, action, scope)) {
      throw new RealtimeError('FORBIDDEN', 'You may not do that here');
    }
  }
}
