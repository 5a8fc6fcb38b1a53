import { create } from 'zustand';
import { type CallEvent, type CallState, IDLE_CALL, callReducer } from './call-state';

/** The call on screen, whichever media path carries it. The call session feeds it. */
export const useCallStore = create<CallState>()(() => IDLE_CALL);

export function dispatchCall(event: CallEvent): void {
  useCallStore.setState((state) => callReducer(state, event), true);
}

/** Tests start from a clean store. */
export function resetCallStore(): void {
  useCallStore.setState(IDLE_CALL, true);
}
