import { randomBytes } from 'node:crypto';
import { apiRoutes, buildPath } from '@kohtaamo/protocol';
import { sign } from 'cookie-signature';
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpLimits } from '../src/config-limits';
import { connectRateLimitRedis } from '../src/http/rate-limit-redis';
import { SESSION_COOKIE } from '../src/http/session';
import type { Store } from '../src/store/types';
import {
  createFairWithRoom,
  createTestApi,
  plainPasswords,
  sampleProfile,
  type TestApi,
} from './http-harness';
import { storeBackends, useStore } from './store-backends';
import { withRedisAdmin } from './presence-backends';
import { createFair, register, unique } from './store-fixtures';
import { testRedisUrl } from './services';
import { testLimits } from './test-limits';
import { startOwnRedis } from '../../../tests/support/redis-server';

const [pglite] = storeBackends;
if (!pglite) throw new Error('PGlite is always available');

const COOKIE_SECRET = 'rate-limit-test-cookie-secret-long-enough';
const generous = { limit: 100_000, windowMs: 60_000 };
const allGenerous: HttpLimits = {
  signIn: generous,
  signInPerAddress: generous,
  signUp: generous,
  registration: generous,
};

function apiWith(
  store: Store,
  http: Partial<HttpLimits>,
  extra: Parameters<typeof createTestApi>[1] = {},
) {
  return createTestApi(store, {
    cookieSecret: COOKIE_SECRET,
    passwords: plainPasswords,
    limits: { http: { ...allGenerous, ...http }, lockout: testLimits.lockout },
    ...extra,
  });
}

/** Requests as a browser behind the given address (the harness trusts the loopback proxy). */
const from = (address: string) => ({ 'X-Forwarded-For': address });

function signIn(api: TestApi, address: string, email: string) {
  return request(api.app)
    .post(apiRoutes.signIn)
    .set(from(address))
    .send({ email, password: 'not the password' });
}

function expectRateLimited(response: request.Response) {
  expect(response.status).toBe(429);
  expect(response.body).toEqual({
    ok: false,
    error: { code: 'RATE_LIMITED', message: expect.any(String) },
  });
  expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
}

/** A session cookie for the account, made directly in the store (no password hashing). */
async function cookieFor(store: Store, accountId: string): Promise<string> {
  const id = randomBytes(24).toString('base64url');
  await store.sessions.create({ id, accountId, expiresAt: new Date(Date.now() + 3_600_000) });
  return `${SESSION_COOKIE}=${encodeURIComponent(`s:${sign(id, COOKIE_SECRET)}`)}`;
}

describe('rate limits on the REST API', () => {
  let store: Store;
  useStore(pglite, (opened) => (store = opened));

  it('refuses the fourth sign-in for one email from one address; other pairs go on', async () => {
    const api = apiWith(store, { signIn: { limit: 3, windowMs: 60_000 } });
    const email = `${unique('aino')}@example.fi`;
    for (let i = 0; i < 3; i += 1) {
      expect((await signIn(api, '203.0.113.5', email)).status).toBe(401);
    }
    expectRateLimited(await signIn(api, '203.0.113.5', email));
    expect((await signIn(api, '203.0.113.5', `${unique('bertta')}@example.fi`)).status).toBe(401);
    expect((await signIn(api, '203.0.113.6', email)).status).toBe(401);
  });

  it('refuses sign-ins from one address past its own limit, whatever the emails', async () => {
    const api = apiWith(store, { signInPerAddress: { limit: 4, windowMs: 60_000 } });
    for (let i = 0; i < 4; i += 1) {
      const email = `${unique('kokeilija')}@example.fi`;
      expect((await signIn(api, '198.51.100.7', email)).status).toBe(401);
    }
    expectRateLimited(await signIn(api, '198.51.100.7', `${unique('vielä')}@example.fi`));
    expect((await signIn(api, '198.51.100.8', `${unique('muu')}@example.fi`)).status).toBe(401);
  });

  it('limits new accounts per address and creates none when refusing', async () => {
    const api = apiWith(store, { signUp: { limit: 1, windowMs: 3_600_000 } });
    const signUp = (address: string, email: string) =>
      request(api.app)
        .post(apiRoutes.signUp)
        .set(from(address))
        .send({ email, password: 'correct horse battery', displayName: 'Kokeilija' });
    expect((await signUp('192.0.2.1', `${unique('eka')}@example.fi`)).status).toBe(201);
    const refusedEmail = `${unique('toka')}@example.fi`;
    expectRateLimited(await signUp('192.0.2.1', refusedEmail));
    expect(await store.accounts.findByEmail(refusedEmail)).toBeNull();
    expect((await signUp('192.0.2.2', refusedEmail)).status).toBe(201);
  });

  it('limits registrations through invites per address and registers nobody when refusing', async () => {
    const api = apiWith(store, { registration: { limit: 1, windowMs: 3_600_000 } });
    const fair = await createFairWithRoom(await api.signUp('Olli'));
    const [first, second] = await Promise.all([api.signUp('Leila'), api.signUp('Pekka')]);
    const path = buildPath(apiRoutes.inviteRegistrations, { code: fair.inviteCode });
    const registerFrom = (agent: typeof first, address: string) =>
      agent.post(path).set(from(address)).send({ profile: sampleProfile, consent: true });

    expect((await registerFrom(first, '192.0.2.10')).status).toBe(201);
    expectRateLimited(await registerFrom(second, '192.0.2.10'));
    expect(await store.registrations.list(fair.fairId)).toHaveLength(2);
    expect((await registerFrom(second, '192.0.2.11')).status).toBe(201);
  });

  it('answers a card request past the per-person limit with 429 and Retry-After', async () => {
    const api = apiWith(store, {});
    const { fair } = await createFair(store);
    const asker = await register(store, fair.id, { displayName: 'Innokas Ilona' });
    const others = await Promise.all(
      Array.from({ length: 21 }, (_, i) => register(store, fair.id, { displayName: `Muu ${i}` })),
    );
    const cookie = await cookieFor(store, asker.accountId);
    const path = buildPath(apiRoutes.exchanges, { fairId: fair.id });
    const ask = (personId: string) =>
      request(api.app).post(path).set('Cookie', cookie).send({ personId });
    for (const other of others.slice(0, 20)) expect((await ask(other.id)).status).toBe(201);
    const refused = await ask(others[20]?.id ?? '');
    expectRateLimited(refused);
    expect(Number(refused.headers['retry-after'])).toBe(600);
  });
});

describe.runIf(testRedisUrl)('rate limits shared by nodes through Redis', () => {
  let store: Store;
  useStore(pglite, (opened) => (store = opened));
  const redisUrl = testRedisUrl ?? '';
  const keyPrefix = `${unique('kh-test-rl')}:`;
  let redis: Awaited<ReturnType<typeof connectRateLimitRedis>>;
  beforeAll(async () => {
    redis = await connectRateLimitRedis(redisUrl, keyPrefix, pino({ level: 'silent' }));
  });
  afterAll(async () => {
    await redis.close();
    await withRedisAdmin(redisUrl, async (admin) => {
      const keys = await admin.keys(`${keyPrefix}*`);
      if (keys.length > 0) await admin.del(keys);
    });
  });

  it('counts attempts on every node towards one limit', async () => {
    const limited = { signIn: { limit: 3, windowMs: 60_000 } };
    const [one, other] = [0, 1].map(() =>
      apiWith(store, limited, { rateLimitStore: redis.storeFor }),
    );
    if (!one || !other) throw new Error('two nodes');
    const email = `${unique('jaettu')}@example.fi`;
    expect((await signIn(one, '203.0.113.20', email)).status).toBe(401);
    expect((await signIn(other, '203.0.113.20', email)).status).toBe(401);
    expect((await signIn(one, '203.0.113.20', email)).status).toBe(401);
    expectRateLimited(await signIn(other, '203.0.113.20', email));
  });

  // Starts a Redis twice and waits for the client to reconnect: slower than most under load.
  it(
    'limits again once Redis is back, when it was away as the limiter started',
    { timeout: 60_000 },
    async () => {
      const own = await startOwnRedis();
      const shared = await connectRateLimitRedis(own.url, keyPrefix, pino({ level: 'silent' }));
      try {
        await own.stop();
        const api = createTestApi(store, {
          cookieSecret: COOKIE_SECRET,
          passwords: plainPasswords,
          limits: {
            http: { ...allGenerous, signIn: { limit: 3, windowMs: 60_000 } },
            // So that only the rate limit can refuse the attempts below.
            lockout: { ...testLimits.lockout, failures: 1000 },
          },
          rateLimitStore: shared.storeFor,
        });
        const email = `${unique('palaava')}@example.fi`;
        // While Redis is away the limiter lets sign-ins through (the lock-out still holds).
        expect((await signIn(api, '203.0.113.30', email)).status).toBe(401);
        await own.start();
        await expect
          .poll(async () => (await signIn(api, '203.0.113.31', email)).status, {
            interval: 200,
            timeout: 30_000,
          })
          .toBe(429);
      } finally {
        await shared.close();
        await own.stop();
      }
    },
  );
});
