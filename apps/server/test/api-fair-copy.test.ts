import { apiRoutes, buildPath } from '@kohtaamo/protocol';
import { describe, expect, it } from 'vitest';
import { fairSnapshot, useFairApiFixture } from './http-harness';
import { storeBackends } from './store-backends';

describe.each(storeBackends)('copying a fair through the API ($name)', (backend) => {
  const f = useFairApiFixture(backend);
  const copiesPath = () => buildPath(apiRoutes.fairCopies, { fairId: f.fair.fairId });
  const body = { title: 'Yhteistyömessut 2027', startDate: '2027-03-09' };

  it('gives the organiser a draft copy on the new date with its own invite link', async () => {
    const created = await f.organiser.post(copiesPath()).send(body).expect(201);
    const copy = created.body.fair;
    // The source runs 10:00–13:00 in Helsinki on 10 March 2026; so does the copy, a year on.
    expect(copy).toMatchObject({
      title: 'Yhteistyömessut 2027',
      slug: 'yhteistyomessut-2027',
      status: 'draft',
      timeZone: 'Europe/Helsinki',
      startsAt: '2027-03-09T08:00:00.000Z',
      endsAt: '2027-03-09T11:00:00.000Z',
    });
    const detail = await f.organiser
      .get(buildPath(apiRoutes.fair, { fairId: copy.id }))
      .expect(200);
    expect(detail.body.me.role).toBe('organiser');
    expect(detail.body.rooms).toHaveLength(1);
    expect(detail.body.rooms[0].names).toEqual({ fi: 'Asuminen', en: 'Housing', sv: 'Boende' });
    expect(detail.body.rooms[0].tables).toHaveLength(1);
    const invite = await f.organiser
      .get(buildPath(apiRoutes.fairInvite, { fairId: copy.id }))
      .expect(200);
    expect(invite.body.code).not.toBe(f.fair.inviteCode);
    // The participant of the source fair is not brought along.
    const people = await f.organiser
      .get(buildPath(apiRoutes.registrations, { fairId: copy.id }))
      .expect(200);
    expect(people.body.registrations).toHaveLength(1);
    const theirFairs = await f.participant.get(apiRoutes.fairs).expect(200);
    expect(
      theirFairs.body.fairs.map((entry: { fair: { id: string } }) => entry.fair.id),
    ).not.toContain(copy.id);
  });

  it('lets only the organisers of the source fair copy it', async () => {
    const before = await fairSnapshot(f.api.store, f.fair.fairId);
    const count = await f.api.store.fairs.count();
    await f.participant.post(copiesPath()).send(body).expect(403);
    await f.otherOrganiser.post(copiesPath()).send(body).expect(403);
    await f.outsider.post(copiesPath()).send(body).expect(403);
    await f.api.anonymous().post(copiesPath()).send(body).expect(401);
    expect(await f.api.store.fairs.count()).toBe(count);
    expect(await fairSnapshot(f.api.store, f.fair.fairId)).toEqual(before);
  });

  it('refuses a copy without a title or with an impossible date', async () => {
    const count = await f.api.store.fairs.count();
    for (const invalid of [
      { ...body, title: '' },
      { ...body, startDate: '2027-02-30' },
      { ...body, startDate: '9.3.2027' },
      { title: 'Only a title' },
      { ...body, status: 'live' },
    ]) {
      const response = await f.organiser.post(copiesPath()).send(invalid).expect(400);
      expect(response.body.error.code).toBe('INVALID');
    }
    expect(await f.api.store.fairs.count()).toBe(count);
  });
});
