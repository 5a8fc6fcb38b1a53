import type { Account, SignInBody, SignUpBody } from '@kohtaamo/protocol';
import { create } from 'zustand';
import * as api from './api';
import { ApiRequestError } from './errors';
import { onUnauthenticated } from './http';

/** `loading` until GET me answers; `unreachable` when it could not be asked at all. */
export type SessionStatus = 'loading' | 'ready' | 'unreachable';

interface SessionState {
  account: Account | null;
  status: SessionStatus;
}

const initialState: SessionState = { account: null, status: 'loading' };

export const useSessionStore = create<SessionState>()(() => initialState);

/** Asks the server who is signed in (the session cookie decides); run once at start. */
export async function loadSession(): Promise<void> {
  useSessionStore.setState({ status: 'loading' });
  try {
    useSessionStore.setState({ account: await api.getMe(), status: 'ready' });
  } catch (error) {
    const signedOut = error instanceof ApiRequestError && error.status === 401;
    useSessionStore.setState({ account: null, status: signedOut ? 'ready' : 'unreachable' });
  }
}

export async function signIn(body: SignInBody): Promise<void> {
  useSessionStore.setState({ account: await api.signIn(body), status: 'ready' });
}

export async function signUp(body: SignUpBody): Promise<void> {
  useSessionStore.setState({ account: await api.signUp(body), status: 'ready' });
}

/** Forgets the account here even if the server could not be told; the cookie is httpOnly. */
export async function signOut(): Promise<void> {
  try {
    await api.signOut();
  } finally {
    useSessionStore.setState({ account: null, status: 'ready' });
  }
}

/** The server has deleted the account and its sessions; nothing is left to sign out of. */
export function accountDeleted(): void {
  useSessionStore.setState({ account: null, status: 'ready' });
}

/** Tests start from a clean store. */
export function resetSessionStore(): void {
  useSessionStore.setState(initialState, true);
}

onUnauthenticated(() => {
  if (useSessionStore.getState().account) useSessionStore.setState({ account: null });
});
