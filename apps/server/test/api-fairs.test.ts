import { apiRoutes, buildPath } from '@kohtaamo/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Agent,
  type FairSetup,
  type TestApi,
  createFairWithRoom,
  createTestApi,
  fairSnapshot,
  register,
  sampleFair,
} from './http-harness';
import { storeBackends } from './store-backends';

const unknownId = '00000000-0000-4000-8000-000000000000';

describe.each(storeBackends)('fairs API ($name)', (backend) => {
  let api: TestApi;
  let dispose: () => Promise<void>;
  let organiser: Agent;
  let otherOrganiser: Agent;
  let participant: Agent;
  let outsider: Agent;
  let fair: FairSetup;
  let otherFair: FairSetup;

  beforeAll(async () => {
    const opened = await backend.open();
    dispose = opened.dispose;
    api = createTestApi(opened.store);
    [organiser, otherOrganiser, participant, outsider] = await Promise.all([
      api.signUp('Olli'),
      api.signUp('Oona'),
      api.signUp('Leila'),
      api.signUp('Ulla'),
    ]);
    fair = await createFairWithRoom(organiser);
    otherFair = await createFairWithRoom(otherOrganiser);
    await register(participant, fair.inviteCode);
  });
  afterAll(() => dispose());

  const fairPath = () => buildPath(apiRoutes.fair, { fairId: fair.fairId });

  it('creates a fair with defaults and makes its creator the organiser', async () => {
    const created = await organiser
      .post(apiRoutes.fairs)
      .send({ ...sampleFair, title: 'Samarbetsmässa på Åland' })
      .expect(201);
    expect(created.body.fair).toMatchObject({
      slug: 'samarbetsmassa-pa-aland',
      status: 'draft',
      meetingThresholdSeconds: 120,
      languages: ['fi', 'en', 'sv'],
    });
    const list = await organiser.get(apiRoutes.fairs).expect(200);
    expect(list.body.fairs).toContainEqual({ fair: created.body.fair, role: 'organiser' });
  });

  it('refuses an invalid new fair with 400 and creates nothing', async () => {
    const before = (await organiser.get(apiRoutes.fairs).expect(200)).body.fairs.length;
    for (const body of [
      { ...sampleFair, title: '' },
      { ...sampleFair, endsAt: sampleFair.startsAt },
      { ...sampleFair, slug: 'Not A Slug' },
      { ...sampleFair, meetingThresholdSeconds: 100_000 },
      { title: 'Only a title' },
    ]) {
      const response = await organiser.post(apiRoutes.fairs).send(body).expect(400);
      expect(response.body.error.code).toBe('INVALID');
    }
    expect((await organiser.get(apiRoutes.fairs).expect(200)).body.fairs).toHaveLength(before);
  });

  it('gives a second fair with the same title its own address', async () => {
    const first = await organiser.post(apiRoutes.fairs).send(sampleFair).expect(201);
    const second = await organiser.post(apiRoutes.fairs).send(sampleFair).expect(201);
    expect(second.body.fair.slug).not.toBe(first.body.fair.slug);
  });

  it('refuses a slug the organiser chose that is already taken', async () => {
    const taken = (await api.store.fairs.findById(otherFair.fairId))?.slug;
    const response = await organiser
      .post(apiRoutes.fairs)
      .send({ ...sampleFair, slug: taken })
      .expect(409);
    expect(response.body.error.code).toBe('CONFLICT');
  });

  it('lists only the fairs a person is registered for, with their role', async () => {
    const list = await participant.get(apiRoutes.fairs).expect(200);
    expect(list.body.fairs).toHaveLength(1);
    expect(list.body.fairs[0]).toMatchObject({ fair: { id: fair.fairId }, role: 'participant' });
    expect((await outsider.get(apiRoutes.fairs).expect(200)).body.fairs).toEqual([]);
  });

  it('shows a registered participant the fair with its rooms, tables, agenda and their own registration', async () => {
    const detail = await participant.get(fairPath()).expect(200);
    expect(detail.body.fair.id).toBe(fair.fairId);
    expect(detail.body.rooms[0]).toMatchObject({
      id: fair.roomId,
      names: { fi: 'Asuminen', en: 'Housing', sv: 'Boende' },
      tables: [{ id: fair.tableId, capacity: 6, locked: false, closed: false }],
    });
    expect(detail.body.agenda).toEqual([]);
    expect(detail.body.me.role).toBe('participant');
    expect(detail.body.staff.map((person: { role: string }) => person.role)).toEqual(['organiser']);
  });

  it('updates a fair for its organiser', async () => {
    const response = await organiser
      .patch(fairPath())
      .send({ title: 'Yhteistyömessut 2026', status: 'open', meetingThresholdSeconds: 180 })
      .expect(200);
    expect(response.body.fair).toMatchObject({
      title: 'Yhteistyömessut 2026',
      status: 'open',
      meetingThresholdSeconds: 180,
    });
  });

  it('refuses bad updates with 400 and leaves the fair as it was', async () => {
    const before = await fairSnapshot(api.store, fair.fairId);
    const cases = [
      { endsAt: '2020-01-01T00:00:00Z' },
      { timeZone: 'Europe/Atlantis' },
      { status: 'deleted' },
      { meetingThresholdSeconds: 5 },
      { languages: ['de'] },
      { role: 'admin' },
    ];
    for (const body of cases) {
      const response = await organiser.patch(fairPath()).send(body).expect(400);
      expect(response.body.error.code).toBe('INVALID');
      expect(response.body.error.issues.length).toBeGreaterThan(0);
    }
    expect(await fairSnapshot(api.store, fair.fairId)).toEqual(before);
  });

  it('refuses a participant and the organiser of another fair with 403, changing nothing', async () => {
    const before = await fairSnapshot(api.store, fair.fairId);
    await participant.patch(fairPath()).send({ title: 'Hijacked' }).expect(403);
    const response = await otherOrganiser.patch(fairPath()).send({ title: 'Hijacked' }).expect(403);
    expect(response.body.error.code).toBe('FORBIDDEN');
    await outsider.get(fairPath()).expect(403);
    expect(await fairSnapshot(api.store, fair.fairId)).toEqual(before);
  });

  it('answers 401 to anonymous callers and 404 for fairs that do not exist', async () => {
    await api.anonymous().get(apiRoutes.fairs).expect(401);
    await api.anonymous().post(apiRoutes.fairs).send(sampleFair).expect(401);
    await api.anonymous().get(fairPath()).expect(401);
    await organiser.get(buildPath(apiRoutes.fair, { fairId: unknownId })).expect(404);
    await organiser
      .patch(buildPath(apiRoutes.fair, { fairId: 'not-a-uuid' }))
      .send({})
      .expect(404);
  });

  it('shows the invite only to organisers, and a new link replaces the old one', async () => {
    const invitePath = buildPath(apiRoutes.fairInvite, { fairId: fair.fairId });
    await participant.get(invitePath).expect(403);
    await participant.post(invitePath).expect(403);
    const current = await organiser.get(invitePath).expect(200);
    expect(current.body).toEqual({ code: fair.inviteCode, path: `/join/${fair.inviteCode}` });

    const rotated = await organiser.post(invitePath).expect(201);
    expect(rotated.body.code).not.toBe(fair.inviteCode);
    await api
      .anonymous()
      .get(buildPath(apiRoutes.invite, { code: fair.inviteCode }))
      .expect(404);
    await api
      .anonymous()
      .get(buildPath(apiRoutes.invite, { code: rotated.body.code }))
      .expect(200);
    fair.inviteCode = rotated.body.code;
  });
});
