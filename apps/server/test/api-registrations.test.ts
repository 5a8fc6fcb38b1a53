import { apiRoutes, buildPath } from '@kohtaamo/protocol';
import { describe, expect, it } from 'vitest';
import { fairSnapshot, register, sampleProfile, useFairApiFixture } from './http-harness';
import { unknownId } from './store-fixtures';
import { storeBackends } from './store-backends';

describe.each(storeBackends)('registration through the invite link ($name)', (backend) => {
  const f = useFairApiFixture(backend);

  const invitePath = () => buildPath(apiRoutes.invite, { code: f.fair.inviteCode });
  const registerPath = () => buildPath(apiRoutes.inviteRegistrations, { code: f.fair.inviteCode });

  it('shows anyone with the link what the fair is, but nothing about its people', async () => {
    const preview = await f.api.anonymous().get(invitePath()).expect(200);
    expect(preview.body.fair).toMatchObject({ id: f.fair.fairId, timeZone: 'Europe/Helsinki' });
    expect(preview.body.rooms).toEqual([
      { id: f.fair.roomId, names: { fi: 'Asuminen', en: 'Housing', sv: 'Boende' } },
    ]);
    expect(preview.body.registrationId).toBeNull();
    expect(JSON.stringify(preview.body)).not.toContain('Olli');
  });

  it('answers 404 for an unknown or malformed invite code', async () => {
    await f.api
      .anonymous()
      .get(buildPath(apiRoutes.invite, { code: 'abcdefghijklmnop' }))
      .expect(404);
    await f.api
      .anonymous()
      .get(buildPath(apiRoutes.invite, { code: '../x' }))
      .expect(404);
  });

  it('asks an anonymous visitor to sign in before registering', async () => {
    const response = await f.api
      .anonymous()
      .post(registerPath())
      .send({ profile: sampleProfile, consent: true })
      .expect(401);
    expect(response.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a profile that is incomplete or names a theme of another f.fair, storing nothing', async () => {
    const before = await fairSnapshot(f.api.store, f.fair.fairId);
    const incomplete = await f.outsider
      .post(registerPath())
      .send({
        profile: { ...sampleProfile, organisation: '', organisationType: 'club' },
        consent: true,
      })
      .expect(400);
    expect(incomplete.body.error.issues.map((i: { path: string[] }) => i.path.join('.'))).toEqual(
      expect.arrayContaining(['profile.organisation', 'profile.organisationType']),
    );
    await f.outsider
      .post(registerPath())
      .send({ profile: { ...sampleProfile, themes: [f.otherFair.roomId] }, consent: true })
      .expect(400);
    expect(await fairSnapshot(f.api.store, f.fair.fairId)).toEqual(before);
  });

  it('refuses to register without consent to the data use, storing nothing', async () => {
    const before = await fairSnapshot(f.api.store, f.fair.fairId);
    for (const body of [{ profile: sampleProfile }, { profile: sampleProfile, consent: false }]) {
      const refused = await f.outsider.post(registerPath()).send(body).expect(400);
      expect(refused.body.error.issues.map((i: { path: string[] }) => i.path.join('.'))).toEqual([
        'consent',
      ]);
    }
    expect(await fairSnapshot(f.api.store, f.fair.fairId)).toEqual(before);
  });

  it('registers a signed-in person as a participant with their profile and themes', async () => {
    const registeredFrom = Date.now();
    const outsiderId = await register(f.outsider, f.fair.inviteCode, {
      ...sampleProfile,
      themes: [f.fair.roomId],
    });
    const mine = await f.outsider
      .get(buildPath(apiRoutes.myRegistration, { fairId: f.fair.fairId }))
      .expect(200);
    expect(mine.body.registration).toMatchObject({
      id: outsiderId,
      role: 'participant',
      profile: { organisation: 'Silta-yhdistys ry', themes: [f.fair.roomId] },
    });
    // The consent is stored with the time it was given.
    const consentedAt = Date.parse(mine.body.registration.consentedAt);
    expect(consentedAt).toBeGreaterThanOrEqual(registeredFrom - 1_000);
    expect(consentedAt).toBeLessThanOrEqual(Date.now() + 1_000);
    const preview = await f.outsider.get(invitePath()).expect(200);
    expect(preview.body.registrationId).toBe(outsiderId);
  });

  it('refuses a second registration for the same fair', async () => {
    const response = await f.participant
      .post(registerPath())
      .send({ profile: sampleProfile, consent: true })
      .expect(409);
    expect(response.body.error.code).toBe('ALREADY_REGISTERED');
  });

  it('lets a person edit their own profile', async () => {
    const response = await f.participant
      .put(buildPath(apiRoutes.myRegistration, { fairId: f.fair.fairId }))
      .send({ profile: { ...sampleProfile, title: 'Hallituksen jäsen' } })
      .expect(200);
    expect(response.body.registration.profile.title).toBe('Hallituksen jäsen');
  });

  it('lists registrations for organisers only', async () => {
    const registrationsPath = buildPath(apiRoutes.registrations, { fairId: f.fair.fairId });
    await f.participant.get(registrationsPath).expect(403);
    const list = await f.organiser.get(registrationsPath).expect(200);
    expect(list.body.registrations.map((r: { role: string }) => r.role).sort()).toEqual([
      'organiser',
      'participant',
      'participant',
    ]);
  });

  it('lets the organiser make someone the facilitator of a room, shown on the room', async () => {
    const rolePath = buildPath(apiRoutes.registrationRole, {
      fairId: f.fair.fairId,
      registrationId: f.participantId,
    });
    const response = await f.organiser
      .put(rolePath)
      .send({ role: 'facilitator', facilitatorRoomIds: [f.fair.roomId] })
      .expect(200);
    expect(response.body.registration).toMatchObject({
      role: 'facilitator',
      facilitatorRoomIds: [f.fair.roomId],
    });
    const detail = await f.participant
      .get(buildPath(apiRoutes.fair, { fairId: f.fair.fairId }))
      .expect(200);
    expect(detail.body.rooms[0].facilitatorIds).toEqual([f.participantId]);

    const speaker = await f.organiser
      .put(rolePath)
      .send({ role: 'speaker', facilitatorRoomIds: [f.fair.roomId] })
      .expect(200);
    expect(speaker.body.registration.facilitatorRoomIds).toEqual([]);
  });

  it('refuses role changes from non-organisers, to rooms of another f.fair, and for unknown people', async () => {
    const rolePath = buildPath(apiRoutes.registrationRole, {
      fairId: f.fair.fairId,
      registrationId: f.participantId,
    });
    const before = await fairSnapshot(f.api.store, f.fair.fairId);
    await f.participant.put(rolePath).send({ role: 'organiser' }).expect(403);
    await f.organiser
      .put(rolePath)
      .send({ role: 'facilitator', facilitatorRoomIds: [f.otherFair.roomId] })
      .expect(400);
    await f.organiser.put(rolePath).send({ role: 'king' }).expect(400);
    await f.organiser
      .put(
        buildPath(apiRoutes.registrationRole, {
          fairId: f.fair.fairId,
          registrationId: unknownId(),
        }),
      )
      .send({ role: 'speaker' })
      .expect(404);
    expect(await fairSnapshot(f.api.store, f.fair.fairId)).toEqual(before);
  });
});
