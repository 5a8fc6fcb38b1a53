import { create } from 'zustand';
import type { ConnectionStatus } from '../../lib/realtime/client';

interface ConnectionState {
  status: ConnectionStatus;
}

const initialState: ConnectionState = { status: { kind: 'idle' } };

/** The live connection's status, set by the live session from the realtime client. */
export const useConnectionStore = create<ConnectionState>()(() => initialState);

export function setConnectionStatus(status: ConnectionStatus): void {
  useConnectionStore.setState({ status });
}

/** Tests start from a clean store. */
export function resetConnectionStore(): void {
  useConnectionStore.setState(initialState, true);
}
