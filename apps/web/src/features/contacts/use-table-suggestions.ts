import type { TableSuggestion } from '@kohtaamo/protocol';
import { useEffect, useRef, useState } from 'react';
import type { RealtimeErrorCode } from '../../lib/realtime/result';
import { useConnectionStore } from '../live/connection-store';
import { requestSuggestions } from '../live/live-session';
import { usePresenceStore } from '../live/presence-store';
import { suggestionDelayMs } from './suggestions';

export type SuggestionsState =
  | { status: 'loading' }
  | { status: 'error'; code: RealtimeErrorCode }
  | { status: 'ready'; suggestions: TableSuggestion[] };

/**
 * The server's table suggestions, asked again whenever presence changes, but no more often
 * than SUGGESTIONS_INTERVAL_MS. A failed answer keeps the last good list on screen.
 */
export function useTableSuggestions(): SuggestionsState {
  const connected = useConnectionStore((state) => state.status.kind === 'connected');
  const sync = usePresenceStore((state) => state.sync);
  const [state, setState] = useState<SuggestionsState>({ status: 'loading' });
  const lastAskedAt = useRef<number | null>(null);

  useEffect(() => {
    if (!connected) return;
    let current = true;
    const timer = setTimeout(
      () => {
        lastAskedAt.current = Date.now();
        void requestSuggestions().then((result) => {
          if (!current) return;
          if (result.ok) setState({ status: 'ready', suggestions: result.data.suggestions });
          else
            setState((previous) =>
              previous.status === 'ready' ? previous : { status: 'error', code: result.error.code },
            );
        });
      },
      suggestionDelayMs(lastAskedAt.current, Date.now()),
    );
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [connected, sync]);

  return state;
}
