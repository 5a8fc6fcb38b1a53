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
  const asked = useRef(0);
  const applied = useRef(0);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    if (!connected) return;
    const timer = setTimeout(
      () => {
        lastAskedAt.current = Date.now();
        const request = ++asked.current;
        // Presence changes while an answer is on its way (entering a room always does): the
        // answer is still newer than what is shown, so only an older one is dropped.
        void requestSuggestions().then((result) => {
          if (!mounted.current || request < applied.current) return;
          applied.current = request;
          if (result.ok) setState({ status: 'ready', suggestions: result.data.suggestions });
          else
            setState((previous) =>
              previous.status === 'ready' ? previous : { status: 'error', code: result.error.code },
            );
        });
      },
      suggestionDelayMs(lastAskedAt.current, Date.now()),
    );
    return () => clearTimeout(timer);
  }, [connected, sync]);

  return state;
}
