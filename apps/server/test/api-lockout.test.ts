import { apiRoutes } from '@kohtaamo/protocol';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../src/store/types';
import { createTestApi, plainPasswords, type TestApi } from './http-harness';
import { storeBackends, useStore } from './store-backends';
import { unique } from './store-fixtures';
import { testLimits } from './test-limits';

const [pglite] = storeBackends;
if (!pglite) throw new Error('PGlite is always available');

const MINUTE_MS = 60_000;
const lockout = { failures: 3, windowMs: 15 * MINUTE_MS, lockMs: 15 * MINUTE_MS };
const PASSWORD = 'correct horse battery';

/** What a person trying to sign in sees: status, body and when to try again. */
async function attempt(api: TestApi, email: string, password: string) {
  const response = await request(api.app).post(apiRoutes.signIn).send({ email, password });
  return {
    status: response.status,
    code: (response.body as { error?: { code: string } }).error?.code,
    retryAfter: response.headers['retry-after'] as string | undefined,
  };
}

describe('locking sign-in after repeated failures', () => {
  let store: Store;
  useStore(pglite, (opened) => (store = opened));
  let nowMs = Date.now();
  const nodes: TestApi[] = [];
  beforeAll(() => {
    // Two nodes over one store, on one clock the tests move.
    for (let i = 0; i < 2; i += 1) {
      nodes.push(
        createTestApi(store, {
          now: () => new Date(nowMs),
          passwords: plainPasswords,
          limits: { http: testLimits.http, lockout },
        }),
      );
    }
  });
  const node = (index: number) => {
    const api = nodes[index];
    if (!api) throw new Error(`no node ${index}`);
    return api;
  };

  async function account(): Promise<string> {
    const email = `${unique('lukko')}@example.fi`;
    await request(node(0).app)
      .post(apiRoutes.signUp)
      .send({ email, password: PASSWORD, displayName: 'Lukko Laine' })
      .expect(201);
    return email;
  }

  it('locks after the third failure and refuses even the right password until the lock ends', async () => {
    const email = await account();
    expect((await attempt(node(0), email, 'wrong 1')).code).toBe('INVALID_CREDENTIALS');
    expect((await attempt(node(0), email, 'wrong 2')).code).toBe('INVALID_CREDENTIALS');
    expect(await attempt(node(0), email, 'wrong 3')).toEqual({
      status: 429,
      code: 'ACCOUNT_LOCKED',
      retryAfter: '900',
    });
    expect(await attempt(node(0), email, PASSWORD)).toMatchObject({
      status: 429,
      code: 'ACCOUNT_LOCKED',
    });
    // The lock is in the database: every node refuses.
    expect((await attempt(node(1), email, PASSWORD)).code).toBe('ACCOUNT_LOCKED');

    nowMs += lockout.lockMs + 1000;
    expect((await attempt(node(1), email, PASSWORD)).status).toBe(200);
  });

  it('answers an unknown email exactly as a real one, so the lock reveals no account', async () => {
    const real = await account();
    const unknown = `${unique('eiole')}@example.fi`;
    const answers = async (email: string) => {
      const seen = [];
      for (const password of ['wrong 1', 'wrong 2', 'wrong 3', PASSWORD]) {
        seen.push(await attempt(node(0), email, password));
      }
      return seen;
    };
    const forReal = await answers(real);
    expect(forReal.map((answer) => answer.code)).toEqual([
      'INVALID_CREDENTIALS',
      'INVALID_CREDENTIALS',
      'ACCOUNT_LOCKED',
      'ACCOUNT_LOCKED',
    ]);
    expect(await answers(unknown)).toEqual(forReal);
  });

  it('forgets earlier failures once the person signs in', async () => {
    const email = await account();
    await attempt(node(0), email, 'wrong 1');
    await attempt(node(0), email, 'wrong 2');
    expect((await attempt(node(0), email, PASSWORD)).status).toBe(200);
    await attempt(node(0), email, 'wrong 3');
    await attempt(node(0), email, 'wrong 4');
    expect((await attempt(node(0), email, PASSWORD)).status).toBe(200);
  });

  it('counts failures within the window only', async () => {
    const email = await account();
    await attempt(node(0), email, 'wrong 1');
    await attempt(node(0), email, 'wrong 2');
    nowMs += lockout.windowMs + 1000;
    expect((await attempt(node(0), email, 'wrong 3')).code).toBe('INVALID_CREDENTIALS');
    expect((await attempt(node(0), email, PASSWORD)).status).toBe(200);
  });

  it('counts wrong passwords given to delete the account, so a stolen session cannot guess it', async () => {
    const email = await account();
    // The session a thief would hold: signed up, so signed in.
    const thief = request.agent(node(0).app);
    await thief.post(apiRoutes.signIn).send({ email, password: PASSWORD }).expect(200);
    const deleteWith = async (password: string) =>
      (await thief.post(apiRoutes.accountDeletion).send({ password })).body as {
        error?: { code: string };
      };
    expect((await deleteWith('guess 1')).error?.code).toBe('INVALID_CREDENTIALS');
    expect((await deleteWith('guess 2')).error?.code).toBe('INVALID_CREDENTIALS');
    expect((await deleteWith('guess 3')).error?.code).toBe('ACCOUNT_LOCKED');
    expect((await deleteWith(PASSWORD)).error?.code).toBe('ACCOUNT_LOCKED');
    expect((await attempt(node(1), email, PASSWORD)).code).toBe('ACCOUNT_LOCKED');
  });
});
