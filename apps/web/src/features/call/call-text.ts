import type { TFunction } from 'i18next';
import type { CallStatus } from '../../lib/media/call-state';

/** What the call's live region says about its state. */
export function callStatusText(status: CallStatus, t: TFunction): string {
  switch (status.kind) {
    case 'idle':
      return t('call.status.idle');
    case 'joining':
      return t('call.status.joining');
    case 'connected':
      return t('call.status.connected');
    case 'reconnecting':
      return t('call.status.reconnecting');
    case 'failed':
      return t(`call.failed.${status.reason}`);
    default: {
      const unhandled: never = status;
      return unhandled;
    }
  }
}
