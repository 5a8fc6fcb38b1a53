import {
  type Location,
  type Self,
  EMPTY_SYNC,
  presenceReducer,
  type PresenceAction,
  type PresenceSync,
} from '@kohtaamo/protocol';
import { create } from 'zustand';

interface PresenceState {
  /** Where this person is, as the server last said; null until it has said so. */
  self: Self | null;
  /**
   * The last place the server moved this person to without being asked (a facilitator, a lost
   * seat); the live pages follow it. `id` tells one move from the next.
   */
  moved: { location: Location; id: number } | null;
  /** The followed scopes' state, kept by the pure reducer. */
  sync: PresenceSync;
}

const initialState: PresenceState = { self: null, moved: null, sync: EMPTY_SYNC };

export const usePresenceStore = create<PresenceState>()(() => initialState);

export function dispatchPresence(action: PresenceAction): void {
  usePresenceStore.setState((state) => {
    const sync = presenceReducer(state.sync, action);
    // The reducer returns the same object when nothing changed: no re-render then.
    return sync === state.sync ? state : { sync };
  });
}

/** Records the person's place and follows the scope the server now sends them. */
export function setSelf(self: Self): void {
  usePresenceStore.setState((state) => ({
    self,
    sync: presenceReducer(state.sync, { type: 'follow', scopes: self.scope ? [self.scope] : [] }),
  }));
}

let lastMoveId = 0;

export function recordMove(location: Location): void {
  lastMoveId += 1;
  usePresenceStore.setState({ moved: { location, id: lastMoveId } });
}

/** Tests start from a clean store; leaving the live fair does too. */
export function resetPresenceStore(): void {
  usePresenceStore.setState(initialState, true);
}
