import { create } from 'zustand';
import type { ConnectionStatus } from '../../lib/realtime/client';

interface ConnectionState {
  status: ConnectionStatus;
  /**
   * The connection came back by itself after it was lost, and is still up: said once, so the
   * person who read "connection lost" also hears that it is over.
   */
  restored: boolean;
}

const initialState: ConnectionState = { status: { kind: 'idle' }, restored: false };

/** The live connection's status, set by the live session from the realtime client. */
export const useConnectionStore = create<ConnectionState>()(() => initialState);

/** Whether the connection counts as restored once `next` follows `previous`. */
export function restoredAfter(previous: ConnectionState, next: ConnectionStatus): boolean {
  if (next.kind !== 'connected') return false;
  if (previous.status.kind === 'reconnecting') return true;
  return previous.restored && previous.status.kind === 'connected';
}

export function setConnectionStatus(status: ConnectionStatus): void {
  useConnectionStore.setState((state) => ({ status, restored: restoredAfter(state, status) }));
}

/** The "connected again" news has been shown long enough. */
export function dismissRestored(): void {
  useConnectionStore.setState({ restored: false });
}

/** Tests start from a clean store. */
export function resetConnectionStore(): void {
  useConnectionStore.setState(initialState, true);
}
