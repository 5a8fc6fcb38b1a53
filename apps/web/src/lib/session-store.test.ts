import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadSession, resetSessionStore, signOut, useSessionStore } from './session-store';

const account = {
  id: '7d3f1f0e-4a43-4b55-9a57-2d6f0c1b9e11',
  email: 'aino@example.fi',
  displayName: 'Aino',
  createdAt: '2021-03-10T10:00:00+02:00',
};

function answer(status: number, body?: unknown) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(body === undefined ? null : JSON.stringify(body), { status })),
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
  resetSessionStore();
});

describe('session store', () => {
  it('starts loading and holds the account GET me returns', async () => {
    expect(useSessionStore.getState().status).toBe('loading');
    answer(200, { account });
    await loadSession();
    expect(useSessionStore.getState()).toMatchObject({ status: 'ready', account });
  });

  it('is ready and signed out when GET me answers 401', async () => {
    answer(401, { ok: false, error: { code: 'UNAUTHENTICATED', message: 'Sign in' } });
    await loadSession();
    expect(useSessionStore.getState()).toMatchObject({ status: 'ready', account: null });
  });

  it('says the server is unreachable rather than signed out when it cannot be asked', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('offline');
      }),
    );
    await loadSession();
    expect(useSessionStore.getState().status).toBe('unreachable');
  });

  it('forgets the account on sign-out and when any request finds the session gone', async () => {
    answer(200, { account });
    await loadSession();
    answer(204);
    await signOut();
    expect(useSessionStore.getState().account).toBeNull();

    answer(200, { account });
    await loadSession();
    answer(401, { ok: false, error: { code: 'UNAUTHENTICATED', message: 'Expired' } });
    await expect(loadSession()).resolves.toBeUndefined();
    expect(useSessionStore.getState().account).toBeNull();
  });
});
