import type { Handlers } from './dispatcher';
import { RealtimeError } from './realtime-error';

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

function notYet(): never {
  throw new RealtimeError('FORBIDDEN', 'Moderation is not available yet');
}

/** The moderation events of one connection. */
export function moderationHandlers(): ModerationHandlers {
  return {
    'moderation.mute': async () => notYet(),
    'moderation.remove': async () => notYet(),
    'moderation.move': async () => notYet(),
    'moderation.table': async () => notYet(),
    'moderation.broadcast': async () => notYet(),
    'stage.call': async () => notYet(),
    'stage.return': async () => notYet(),
    'stage.status': async () => ({ called: false, since: null }),
  };
}
