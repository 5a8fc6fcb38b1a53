import { useState } from 'react';
import type { RealtimeResult } from '../../lib/realtime/result';
import { announce, type Notice } from '../live/notice-store';

/**
 * Runs moderation requests one at a time for a control: `pending` disables it meanwhile, a
 * refusal is announced with its reason, and success with what `done` says (null: nothing).
 */
export function useModeration() {
  const [pending, setPending] = useState(false);

  const run = async <T>(
    request: () => Promise<RealtimeResult<T>>,
    done: (data: T) => Notice | null,
  ): Promise<boolean> => {
    setPending(true);
    try {
      const result = await request();
      if (!result.ok) {
        announce({ kind: 'error', code: result.error.code });
        return false;
      }
      const notice = done(result.data);
      if (notice) announce(notice);
      return true;
    } finally {
      setPending(false);
    }
  };

  return { pending, run };
}
