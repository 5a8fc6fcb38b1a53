import type { Moderation } from '../moderation/moderation-service';
import type { Handlers } from './dispatcher';
import type { Member } from './handshake';

type ModerationHandlers = Pick<
  Handlers,
  | 'moderation.mute'
  | 'moderation.remove'
  | 'moderation.move'
  | 'moderation.table'
  | 'moderation.broadcast'
  | 'stage.call'
  | 'stage.return'
  | 'stage.status'
>;

/** The moderation events of one connection; the service checks who asks on every one. */
export function moderationHandlers(moderation: Moderation, member: Member): ModerationHandlers {
  return {
    'moderation.mute': (payload) => moderation.mute(member, payload),
    'moderation.remove': (payload) => moderation.remove(member, payload),
    'moderation.move': (payload) => moderation.move(member, payload),
    'moderation.table': (payload) => moderation.table(member, payload),
    'moderation.broadcast': (payload) => moderation.broadcast(member, payload),
    'stage.call': ({ reason }) => moderation.stageCall(member, reason),
    'stage.return': () => moderation.stageReturn(member),
    'stage.status': () => moderation.stageStatus(member),
  };
}
