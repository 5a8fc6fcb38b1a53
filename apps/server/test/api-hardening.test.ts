import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { apiRoutes } from '@kohtaamo/protocol';
import { AccessToken, type WebhookEvent } from 'livekit-server-sdk';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIVEKIT_WEBHOOK_PATH } from '../src/http/routes/livekit-webhook-routes';
import type { Store } from '../src/store/types';
import { createTestApi, sampleFair, type TestApi } from './http-harness';
import { storeBackends, useStore } from './store-backends';
import { unique } from './store-fixtures';

const [pglite] = storeBackends;
if (!pglite) throw new Error('PGlite is always available');

const APP = 'http://kohtaamo.test';
const LIVEKIT = { apiKey: 'APIhardening', apiSecret: 'a-livekit-secret-of-at-least-32-characters' };

/** The directives of a Content-Security-Policy header, by name. */
function directives(header: string | undefined): Map<string, string[]> {
  return new Map(
    (header ?? '')
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name = '', ...values]) => [name, values]),
  );
}

const forbidden = {
  ok: false,
  error: { code: 'FORBIDDEN', message: expect.any(String) },
};

describe('HTTP hardening', () => {
  let store: Store;
  useStore(pglite, (opened) => (store = opened));
  let api: TestApi;
  let webDistDir: string;
  const webhookEvents: WebhookEvent[] = [];
  beforeAll(async () => {
    webDistDir = await mkdtemp(path.join(tmpdir(), 'kohtaamo-web-'));
    await writeFile(path.join(webDistDir, 'index.html'), '<!doctype html><title>Kohtaamo</title>');
    api = createTestApi(store, {
      webDistDir,
      livekitUrl: 'wss://livekit.messut.example.fi',
      livekitWebhook: {
        ...LIVEKIT,
        reconcile: (event) => {
          webhookEvents.push(event);
          return Promise.resolve();
        },
      },
    });
  });
  afterAll(() => rm(webDistDir, { recursive: true, force: true }));

  const newAccount = () => ({
    email: `${unique('turva')}@example.fi`,
    password: 'correct horse battery',
    displayName: 'Turva Tiina',
  });

  describe('security headers', () => {
    it('serves the web app with a CSP that allows its own files, camera video and LiveKit', async () => {
      const response = await request(api.app).get('/fairs/demo').expect(200);
      const csp = directives(response.headers['content-security-policy']);
      expect(csp.get('default-src')).toEqual(["'self'"]);
      expect(csp.get('script-src')).toEqual(["'self'"]);
      expect(csp.get('object-src')).toEqual(["'none'"]);
      expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
      expect(csp.get('media-src')).toEqual(expect.arrayContaining(['blob:', 'mediastream:']));
      expect(csp.get('connect-src')).toEqual(
        expect.arrayContaining([
          "'self'",
          'ws://kohtaamo.test',
          'wss://livekit.messut.example.fi',
          'https://livekit.messut.example.fi',
        ]),
      );
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['permissions-policy']?.split(', ')).toEqual(
        expect.arrayContaining(['camera=(self)', 'microphone=(self)', 'geolocation=()']),
      );
      // Plain http here: no HSTS, and no upgrading of the app's own http requests.
      expect(response.headers['strict-transport-security']).toBeUndefined();
      expect(csp.has('upgrade-insecure-requests')).toBe(false);
    });

    it('adds HSTS and upgrades requests when the app is served over https', async () => {
      const secure = createTestApi(store, { publicUrl: 'https://messut.example.fi' });
      const response = await request(secure.app).get(apiRoutes.me);
      expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      const csp = directives(response.headers['content-security-policy']);
      expect(csp.has('upgrade-insecure-requests')).toBe(true);
      expect(csp.get('connect-src')).toContain('wss://messut.example.fi');
    });
  });

  describe('CORS', () => {
    it('lets the app’s own origin read the API with cookies, and no other origin', async () => {
      const own = await request(api.app)
        .options(apiRoutes.signIn)
        .set('Origin', APP)
        .set('Access-Control-Request-Method', 'POST');
      expect(own.headers['access-control-allow-origin']).toBe(APP);
      expect(own.headers['access-control-allow-credentials']).toBe('true');

      const other = await request(api.app).get(apiRoutes.me).set('Origin', 'https://evil.example');
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
    });
  });

  describe('cross-site request forgery', () => {
    it('refuses a state-changing call sent from another site, and changes nothing', async () => {
      const organiser = await api.signUp('Olli');
      const before = (await organiser.get(apiRoutes.fairs).expect(200)).body as unknown;
      const attempts = [
        { Origin: 'https://evil.example' },
        { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' },
        { 'Sec-Fetch-Site': 'cross-site' },
        { Origin: 'null' },
      ];
      for (const headers of attempts) {
        const response = await organiser.post(apiRoutes.fairs).set(headers).send(sampleFair);
        expect(response.status, JSON.stringify(headers)).toBe(403);
        expect(response.body).toEqual(forbidden);
      }
      expect((await organiser.get(apiRoutes.fairs).expect(200)).body).toEqual(before);
    });

    it('accepts the app’s own pages, the address they were sent to, and non-browser clients', async () => {
      const accepted = [
        { 'Sec-Fetch-Site': 'same-origin', Origin: 'http://localhost:5173' },
        { Origin: APP },
        { Origin: 'http://127.0.0.1:4321', Host: '127.0.0.1:4321' },
        {},
      ];
      for (const headers of accepted) {
        const response = await request(api.app)
          .post(apiRoutes.signUp)
          .set(headers)
          .send(newAccount());
        expect(response.status, JSON.stringify(headers)).toBe(201);
      }
    });

    it('still receives LiveKit’s signed webhook', async () => {
      const body = JSON.stringify({ event: 'room_started', room: { name: 'messut.stage' } });
      const token = new AccessToken(LIVEKIT.apiKey, LIVEKIT.apiSecret);
      token.sha256 = createHash('sha256').update(body).digest('base64');
      await request(api.app)
        .post(LIVEKIT_WEBHOOK_PATH)
        .set('Content-Type', 'application/webhook+json')
        .set('Authorization', await token.toJwt())
        .send(body)
        .expect(204);
      expect(webhookEvents.at(-1)?.event).toBe('room_started');
    });
  });

  describe('session cookie and bodies', () => {
    it('sets a signed, httpOnly, SameSite=Lax session cookie, Secure behind https', async () => {
      const plain = await request(api.app).post(apiRoutes.signUp).send(newAccount()).expect(201);
      const cookie = String(plain.headers['set-cookie']);
      expect(cookie).toMatch(/^kh_session=s%3A[^;]+\.[^;]+;/);
      expect(cookie).toMatch(/; HttpOnly/);
      expect(cookie).toMatch(/; SameSite=Lax/);
      expect(cookie).not.toMatch(/; Secure/);

      const secure = createTestApi(store, {
        session: { ttlMs: 3_600_000, secureCookie: true },
      });
      const overHttps = await request(secure.app).post(apiRoutes.signUp).send(newAccount());
      expect(String(overHttps.headers['set-cookie'])).toMatch(/; Secure/);
    });

    it('answers a body over 64 kB with 413 and a typed error, and bad JSON with 400', async () => {
      const huge = { ...newAccount(), displayName: 'x'.repeat(100 * 1024) };
      const tooLarge = await request(api.app).post(apiRoutes.signUp).send(huge);
      expect(tooLarge.status).toBe(413);
      expect(tooLarge.body).toEqual({
        ok: false,
        error: { code: 'PAYLOAD_TOO_LARGE', message: expect.any(String) },
      });
      expect(await store.accounts.findByEmail(huge.email)).toBeNull();

      const broken = await request(api.app)
        .post(apiRoutes.signIn)
        .set('Content-Type', 'application/json')
        .send('{"email":');
      expect(broken.status).toBe(400);
      expect(broken.body).toMatchObject({ ok: false, error: { code: 'INVALID' } });
    });
  });
});
