import { apiRoutes, buildPath } from '@kohtaamo/protocol';
import { describe, expect, it } from 'vitest';
import { fairSnapshot, sampleFair, useFairApiFixture } from './http-harness';
import { unknownId } from './store-fixtures';
import { storeBackends } from './store-backends';

describe.each(storeBackends)('fairs API ($name)', (backend) => {
  const f = useFairApiFixture(backend);

  const fairPath = () => buildPath(apiRoutes.fair, { fairId: f.fair.fairId });

  it('creates a fair with defaults and makes its creator the organiser', async () => {
    const created = await f.organiser
      .post(apiRoutes.fairs)
      .send({ ...sampleFair, title: 'Samarbetsmässa på Åland' })
      .expect(201);
    expect(created.body.fair).toMatchObject({
      slug: 'samarbetsmassa-pa-aland',
      status: 'draft',
      meetingThresholdSeconds: 120,
      languages: ['fi', 'en', 'sv'],
    });
    const list = await f.organiser.get(apiRoutes.fairs).expect(200);
    expect(list.body.fairs).toContainEqual({ fair: created.body.fair, role: 'organiser' });
  });

  it('refuses an invalid new fair with 400 and creates nothing', async () => {
    const before = (await f.organiser.get(apiRoutes.fairs).expect(200)).body.fairs.length;
    for (const body of [
      { ...sampleFair, title: '' },
      { ...sampleFair, endsAt: sampleFair.startsAt },
      { ...sampleFair, slug: 'Not A Slug' },
      { ...sampleFair, meetingThresholdSeconds: 100_000 },
      { title: 'Only a title' },
    ]) {
      const response = await f.organiser.post(apiRoutes.fairs).send(body).expect(400);
      expect(response.body.error.code).toBe('INVALID');
    }
    expect((await f.organiser.get(apiRoutes.fairs).expect(200)).body.fairs).toHaveLength(before);
  });

  it('gives a second fair with the same title its own address', async () => {
    const first = await f.organiser.post(apiRoutes.fairs).send(sampleFair).expect(201);
    const second = await f.organiser.post(apiRoutes.fairs).send(sampleFair).expect(201);
    expect(second.body.fair.slug).not.toBe(first.body.fair.slug);
  });

  it('refuses a slug the organiser chose that is already taken', async () => {
    const taken = (await f.api.store.fairs.findById(f.otherFair.fairId))?.slug;
    const response = await f.organiser
      .post(apiRoutes.fairs)
      .send({ ...sampleFair, slug: taken })
      .expect(409);
    expect(response.body.error.code).toBe('CONFLICT');
  });

  it('lists only the fairs a person is registered for, with their role', async () => {
    const list = await f.participant.get(apiRoutes.fairs).expect(200);
    expect(list.body.fairs).toHaveLength(1);
    expect(list.body.fairs[0]).toMatchObject({ fair: { id: f.fair.fairId }, role: 'participant' });
    expect((await f.outsider.get(apiRoutes.fairs).expect(200)).body.fairs).toEqual([]);
  });

  it('shows a registered participant the fair with its rooms, tables, agenda and their own registration', async () => {
    const detail = await f.participant.get(fairPath()).expect(200);
    expect(detail.body.fair.id).toBe(f.fair.fairId);
    expect(detail.body.rooms[0]).toMatchObject({
      id: f.fair.roomId,
      names: { fi: 'Asuminen', en: 'Housing', sv: 'Boende' },
      tables: [{ id: f.fair.tableId, capacity: 6, locked: false, closed: false }],
    });
    expect(detail.body.agenda).toEqual([]);
    expect(detail.body.me.role).toBe('participant');
    expect(detail.body.staff.map((person: { role: string }) => person.role)).toEqual(['organiser']);
  });

  it('updates a fair for its organiser', async () => {
    const response = await f.organiser
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
    const before = await fairSnapshot(f.api.store, f.fair.fairId);
    const cases = [
      { endsAt: '2020-01-01T00:00:00Z' },
      { timeZone: 'Europe/Atlantis' },
      { status: 'deleted' },
      { meetingThresholdSeconds: 5 },
      { languages: ['de'] },
      { role: 'admin' },
    ];
    for (const body of cases) {
      const response = await f.organiser.patch(fairPath()).send(body).expect(400);
      expect(response.body.error.code).toBe('INVALID');
      expect(response.body.error.issues.length).toBeGreaterThan(0);
    }
    expect(await fairSnapshot(f.api.store, f.fair.fairId)).toEqual(before);
  });

  it('leaves the fair as it was, time of the last change too, after an empty edit', async () => {
    const before = await fairSnapshot(f.api.store, f.fair.fairId);
    const response = await f.organiser.patch(fairPath()).send({}).expect(200);
    expect(response.body.fair).toEqual(before.fair);
    expect(await fairSnapshot(f.api.store, f.fair.fairId)).toEqual(before);
  });

  it('answers 400, not 500, to a path it cannot decode and a body in an unknown charset', async () => {
    const undecodable = await f.organiser.get('/api/fairs/%E0%A4%A').expect(400);
    expect(undecodable.body.error.code).toBe('INVALID');
    const latin9 = await f.organiser
      .patch(fairPath())
      .set('Content-Type', 'application/json; charset=latin9')
      .send('{"title":"Messut"}')
      .expect(400);
    expect(latin9.body.error.code).toBe('INVALID');
  });

  it('refuses a participant and the organiser of another fair with 403, changing nothing', async () => {
    const before = await fairSnapshot(f.api.store, f.fair.fairId);
    await f.participant.patch(fairPath()).send({ title: 'Hijacked' }).expect(403);
    const response = await f.otherOrganiser
      .patch(fairPath())
      .send({ title: 'Hijacked' })
      .expect(403);
    expect(response.body.error.code).toBe('FORBIDDEN');
    await f.outsider.get(fairPath()).expect(403);
    expect(await fairSnapshot(f.api.store, f.fair.fairId)).toEqual(before);
  });

  it('answers 401 to anonymous callers and 404 for fairs that do not exist', async () => {
    await f.api.anonymous().get(apiRoutes.fairs).expect(401);
    await f.api.anonymous().post(apiRoutes.fairs).send(sampleFair).expect(401);
    await f.api.anonymous().get(fairPath()).expect(401);
    await f.organiser.get(buildPath(apiRoutes.fair, { fairId: unknownId() })).expect(404);
    await f.organiser
      .patch(buildPath(apiRoutes.fair, { fairId: 'not-a-uuid' }))
      .send({})
      .expect(404);
  });

  it('shows the invite only to organisers, and a new link replaces the old one', async () => {
    const invitePath = buildPath(apiRoutes.fairInvite, { fairId: f.fair.fairId });
    await f.participant.get(invitePath).expect(403);
    await f.participant.post(invitePath).expect(403);
    const current = await f.organiser.get(invitePath).expect(200);
    expect(current.body).toEqual({ code: f.fair.inviteCode, path: `/join/${f.fair.inviteCode}` });

    const rotated = await f.organiser.post(invitePath).expect(201);
    expect(rotated.body.code).not.toBe(f.fair.inviteCode);
    await f.api
      .anonymous()
      .get(buildPath(apiRoutes.invite, { code: f.fair.inviteCode }))
      .expect(404);
    await f.api
      .anonymous()
      .get(buildPath(apiRoutes.invite, { code: rotated.body.code }))
      .expect(200);
    f.fair.inviteCode = rotated.body.code;
  });
});
