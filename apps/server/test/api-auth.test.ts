import { apiRoutes } from '@kohtaamo/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from './http-harness';
import { storeBackends } from './store-backends';

describe.each(storeBackends)('accounts and sessions ($name)', (backend) => {
  let api: TestApi;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    const opened = await backend.open();
    dispose = opened.dispose;
    api = createTestApi(opened.store);
  });
  afterAll(() => dispose());

  const credentials = {
    email: 'Aino@Example.FI',
    password: 'reilu yhteistyö',
    displayName: 'Aino',
  };

  it('signs a new person up and keeps them signed in with an httpOnly, SameSite=Lax cookie', async () => {
    const agent = api.anonymous();
    const response = await agent.post(apiRoutes.signUp).send(credentials).expect(201);
    expect(response.body.account).toMatchObject({ email: 'aino@example.fi', displayName: 'Aino' });
    expect(response.body.account.passwordHash).toBeUndefined();
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/kh_session=s%3A/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const me = await agent.get(apiRoutes.me).expect(200);
    expect(me.body.account.email).toBe('aino@example.fi');
  });

  it('refuses a second account with the same email, whatever its letter case', async () => {
    const response = await api
      .anonymous()
      .post(apiRoutes.signUp)
      .send({ ...credentials, email: 'AINO@example.fi' })
      .expect(409);
    expect(response.body).toMatchObject({ ok: false, error: { code: 'EMAIL_TAKEN' } });
  });

  it('answers bad sign-up input with 400 and the fields at fault', async () => {
    const response = await api
      .anonymous()
      .post(apiRoutes.signUp)
      .send({ email: 'not-an-email', password: 'short', displayName: '' })
      .expect(400);
    expect(response.body.error.code).toBe('INVALID');
    const paths = response.body.error.issues.map((issue: { path: string[] }) => issue.path[0]);
    expect(paths).toEqual(expect.arrayContaining(['email', 'password', 'displayName']));
    expect(await api.store.accounts.findByEmail('not-an-email')).toBeNull();
  });

  it('answers a body that is not JSON with a typed 400', async () => {
    const response = await api
      .anonymous()
      .post(apiRoutes.signUp)
      .set('content-type', 'application/json')
      .send('{"email":')
      .expect(400);
    expect(response.body).toMatchObject({ ok: false, error: { code: 'INVALID' } });
  });

  it('signs in with the right password only, without telling which part was wrong', async () => {
    const wrongPassword = await api
      .anonymous()
      .post(apiRoutes.signIn)
      .send({ email: credentials.email, password: 'väärä salasana' })
      .expect(401);
    const unknownEmail = await api
      .anonymous()
      .post(apiRoutes.signIn)
      .send({ email: 'nobody@example.fi', password: 'väärä salasana' })
      .expect(401);
    expect(wrongPassword.body.error).toEqual(unknownEmail.body.error);
    expect(wrongPassword.body.error.code).toBe('INVALID_CREDENTIALS');

    const agent = api.anonymous();
    await agent
      .post(apiRoutes.signIn)
      .send({ email: credentials.email, password: credentials.password })
      .expect(200);
    await agent.get(apiRoutes.me).expect(200);
  });

  it('answers 401 without a session and with a forged or tampered cookie', async () => {
    const anonymous = await api.anonymous().get(apiRoutes.me).expect(401);
    expect(anonymous.body.error.code).toBe('UNAUTHENTICATED');
    await api.anonymous().get(apiRoutes.me).set('Cookie', 'kh_session=made-up').expect(401);
    await api
      .anonymous()
      .get(apiRoutes.me)
      .set('Cookie', 'kh_session=s%3Aforged.c2lnbmF0dXJl')
      .expect(401);
  });

  it('ends the session on sign-out, so the old cookie no longer works', async () => {
    const agent = api.anonymous();
    const signIn = await agent
      .post(apiRoutes.signIn)
      .send({ email: credentials.email, password: credentials.password })
      .expect(200);
    const oldCookie = String(signIn.headers['set-cookie']).split(';')[0] ?? '';
    await agent.post(apiRoutes.signOut).expect(204);
    await agent.get(apiRoutes.me).expect(401);
    await api.anonymous().get(apiRoutes.me).set('Cookie', oldCookie).expect(401);
  });

  it('answers a sign-in without an email or password with 400', async () => {
    const response = await api.anonymous().post(apiRoutes.signIn).send({ email: 'x' }).expect(400);
    expect(response.body.error.code).toBe('INVALID');
    expect(response.headers['set-cookie']).toBeUndefined();
  });

  it('answers unknown API routes with a typed 404', async () => {
    const response = await api.anonymous().get('/api/nothing-here').expect(404);
    expect(response.body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
