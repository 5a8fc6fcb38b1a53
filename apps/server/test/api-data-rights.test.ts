import {
  apiRoutes,
  buildPath,
  fairErasureResponseSchema,
  personalDataExportSchema,
  reportResponseSchema,
} from '@kohtaamo/protocol';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Store } from '../src/store/types';
import {
  type Agent,
  createFairWithRoom,
  createTestApi,
  type FairSetup,
  register,
  sampleFair,
  type TestApi,
} from './http-harness';
import { storeBackends, useStore } from './store-backends';

const PASSWORD = 'correct horse battery';

describe.each(storeBackends)('data protection API ($name)', (backend) => {
  let store: Store;
  let api: TestApi;
  const erased = vi.fn<(fairId: string, personIds: readonly string[] | 'everyone') => void>();
  useStore(backend, (opened) => (store = opened));
  beforeAll(() => {
    api = createTestApi(store, { onPersonalDataErased: erased });
  });

  /** A fair with an organiser and a participant, and an organiser of another fair. */
  async function cast() {
    const [organiser, participant, otherOrganiser, outsider] = await Promise.all([
      api.signUp('Olli'),
      api.signUp('Leila'),
      api.signUp('Oona'),
      api.signUp('Ulla'),
    ]);
    const fair = await createFairWithRoom(organiser);
    await createFairWithRoom(otherOrganiser);
    const participantId = await register(participant, fair.inviteCode);
    return { organiser, participant, participantId, otherOrganiser, outsider, fair };
  }

  const erasurePath = (fair: FairSetup) =>
    buildPath(apiRoutes.fairErasure, { fairId: fair.fairId });
  const close = (organiser: Agent, fair: FairSetup) =>
    organiser
      .patch(buildPath(apiRoutes.fair, { fairId: fair.fairId }))
      .send({ status: 'closed' })
      .expect(200);

  it('lets only an organiser of that fair erase it, and a refusal changes nothing', async () => {
    const { organiser, participant, otherOrganiser, outsider, fair } = await cast();
    await close(organiser, fair);
    const body = { confirmation: sampleFair.title };
    await api.anonymous().post(erasurePath(fair)).send(body).expect(401);
    for (const agent of [participant, otherOrganiser, outsider]) {
      await agent.post(erasurePath(fair)).send(body).expect(403);
    }
    expect(await store.registrations.list(fair.fairId)).toHaveLength(2);
    expect((await store.fairs.findById(fair.fairId))?.erasedAt).toBeNull();
  });

  it("refuses without the fair's name typed back, and while the fair is not closed", async () => {
    const { organiser, fair } = await cast();
    const open = await organiser
      .post(erasurePath(fair))
      .send({ confirmation: sampleFair.title })
      .expect(409);
    expect(open.body.error.code).toBe('FAIR_NOT_CLOSED');
    await close(organiser, fair);
    const wrong = await organiser
      .post(erasurePath(fair))
      .send({ confirmation: 'Yhteistyömessu' })
      .expect(400);
    expect(wrong.body.error.issues[0].path).toEqual(['confirmation']);
    await organiser.post(erasurePath(fair)).send({}).expect(400);
    expect(await store.registrations.list(fair.fairId)).toHaveLength(2);
  });

  it('erases a closed fair: participants are out, the old invite is dead, the report is kept', async () => {
    const { organiser, participant, fair } = await cast();
    await close(organiser, fair);
    erased.mockClear();

    const response = await organiser
      .post(erasurePath(fair))
      .send({ confirmation: `  ${sampleFair.title.toUpperCase()} ` })
      .expect(200);

    const result = fairErasureResponseSchema.parse(response.body);
    expect(result.people).toBe(1);
    expect(result.fair.erasedAt).toBe(result.erasedAt);
    expect(erased).toHaveBeenCalledWith(fair.fairId, 'everyone');
    await participant.get(buildPath(apiRoutes.fair, { fairId: fair.fairId })).expect(403);
    await api
      .anonymous()
      .get(buildPath(apiRoutes.invite, { code: fair.inviteCode }))
      .expect(404);
    const report = reportResponseSchema.parse(
      (await organiser.get(buildPath(apiRoutes.report, { fairId: fair.fairId })).expect(200)).body,
    );
    expect(report.erasedAt).toBe(result.erasedAt);
    expect(report.report.participants.registered).toBe(1);
    const csv = await organiser
      .get(buildPath(apiRoutes.reportCsv, { fairId: fair.fairId }))
      .expect(200);
    expect(csv.text).toContain('participants,registered,1');
    const reopen = await organiser
      .patch(buildPath(apiRoutes.fair, { fairId: fair.fairId }))
      .send({ status: 'open' })
      .expect(409);
    expect(reopen.body.error.code).toBe('CONFLICT');
  });

  it('deletes an account only with its password, and signs it out everywhere', async () => {
    const { participant, participantId, fair } = await cast();
    const otherDevice = api.anonymous();
    const { email } = (await participant.get(apiRoutes.me).expect(200)).body.account;
    await otherDevice.post(apiRoutes.signIn).send({ email, password: PASSWORD }).expect(200);
    erased.mockClear();

    const wrong = await participant
      .post(apiRoutes.accountDeletion)
      .send({ password: 'not my password' })
      .expect(401);
    expect(wrong.body.error.code).toBe('INVALID_CREDENTIALS');
    await participant.get(apiRoutes.me).expect(200);
    await api.anonymous().post(apiRoutes.accountDeletion).send({ password: PASSWORD }).expect(401);

    await participant.post(apiRoutes.accountDeletion).send({ password: PASSWORD }).expect(204);

    expect(erased).toHaveBeenCalledWith(fair.fairId, [participantId]);
    await participant.get(apiRoutes.me).expect(401);
    await otherDevice.get(apiRoutes.me).expect(401);
    await api.anonymous().post(apiRoutes.signIn).send({ email, password: PASSWORD }).expect(401);
    expect(await store.registrations.findById(fair.fairId, participantId)).toBeNull();
  });

  it('refuses to delete the only organiser of a fair others are in', async () => {
    const { organiser, fair } = await cast();
    const refused = await organiser
      .post(apiRoutes.accountDeletion)
      .send({ password: PASSWORD })
      .expect(409);
    expect(refused.body.error.code).toBe('SOLE_ORGANISER');
    expect(refused.body.error.message).toContain(sampleFair.title);
    await organiser.get(buildPath(apiRoutes.fair, { fairId: fair.fairId })).expect(200);
  });

  it('downloads only the signed-in person’s own data, as a JSON attachment', async () => {
    const { participant, participantId, organiser, fair } = await cast();
    await participant
      .put(buildPath(apiRoutes.myCard, { fairId: fair.fairId }))
      .send({ card: { name: 'Leila', email: 'leila@example.fi' }, shared: ['name', 'email'] })
      .expect(200);
    await organiser
      .put(buildPath(apiRoutes.myCard, { fairId: fair.fairId }))
      .send({ card: { name: 'Olli', email: 'olli@example.fi' }, shared: ['name'] })
      .expect(200);
    await api.anonymous().get(apiRoutes.myData).expect(401);

    const response = await participant.get(apiRoutes.myData).expect(200);

    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="kohtaamo-my-data-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    const data = personalDataExportSchema.parse(JSON.parse(response.text));
    const me = (await participant.get(apiRoutes.me)).body.account;
    expect(data.account).toEqual(me);
    expect(data.fairs.map((entry) => entry.registration.id)).toEqual([participantId]);
    expect(data.fairs[0]?.card?.fields.email).toBe('leila@example.fi');
    expect(response.text).not.toContain('olli@example.fi');
    expect(response.text).not.toContain('password');
  });
});
