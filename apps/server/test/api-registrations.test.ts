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
  sampleProfile,
} from './http-harness';
import { storeBackends } from './store-backends';

describe.each(storeBackends)('registration through the invite link ($name)', (backend) => {
  let api: TestApi;
  let dispose: () => Promise<void>;
  let organiser: Agent;
  let participant: Agent;
  let fair: FairSetup;
  let otherFair: FairSetup;
  let participantId: string;

  beforeAll(async () => {
    const opened = await backend.open();
    dispose = opened.dispose;
    api = createTestApi(opened.store);
    organiser = await api.signUp('Olli');
    participant = await api.signUp('Leila');
    fair = await createFairWithRoom(organiser);
    otherFair = await createFairWithRoom(await api.signUp('Oona'));
  });
  afterAll(() => dispose());

  const invitePath = () => buildPath(apiRoutes.invite, { code: fair.inviteCode });
  const registerPath = () => buildPath(apiRoutes.inviteRegistrations, { code: fair.inviteCode });

  it('shows anyone with the link what the fair is, but nothing about its people', async () => {
    const preview = await api.anonymous().get(invitePath()).expect(200);
    expect(preview.body.fair).toMatchObject({ id: fair.fairId, timeZone: 'Europe/Helsinki' });
    expect(preview.body.rooms).toEqual([
      { id: fair.roomId, names: { fi: 'Asuminen', en: 'Housing', sv: 'Boende' } },
    ]);
    expect(preview.body.registrationId).toBeNull();
    expect(JSON.stringify(preview.body)).not.toContain('Olli');
  });

  it('answers 404 for an unknown or malformed invite code', async () => {
    await api
      .anonymous()
      .get(buildPath(apiRoutes.invite, { code: 'abcdefghijklmnop' }))
      .expect(404);
    await api
      .anonymous()
      .get(buildPath(apiRoutes.invite, { code: '../x' }))
      .expect(404);
  });

  it('asks an anonymous visitor to sign in before registering', async () => {
    const response = await api
      .anonymous()
      .post(registerPath())
      .send({ profile: sampleProfile })
      .expect(401);
    expect(response.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a profile that is incomplete or names a theme of another fair, storing nothing', async () => {
    const before = await fairSnapshot(api.store, fair.fairId);
    const incomplete = await participant
      .post(registerPath())
      .send({ profile: { ...sampleProfile, organisation: '', organisationType: 'club' } })
      .expect(400);
    expect(incomplete.body.error.issues.map((i: { path: string[] }) => i.path.join('.'))).toEqual(
      expect.arrayContaining(['profile.organisation', 'profile.organisationType']),
    );
    await participant
      .post(registerPath())
      .send({ profile: { ...sampleProfile, themes: [otherFair.roomId] } })
      .expect(400);
    expect(await fairSnapshot(api.store, fair.fairId)).toEqual(before);
  });

  it('registers a signed-in person as a participant with their profile and themes', async () => {
    participantId = await register(participant, fair.inviteCode, {
      ...sampleProfile,
      themes: [fair.roomId],
    });
    const mine = await participant
      .get(buildPath(apiRoutes.myRegistration, { fairId: fair.fairId }))
      .expect(200);
    expect(mine.body.registration).toMatchObject({
      id: participantId,
      role: 'participant',
      profile: { organisation: 'Silta-yhdistys ry', themes: [fair.roomId] },
    });
    const preview = await participant.get(invitePath()).expect(200);
    expect(preview.body.registrationId).toBe(participantId);
  });

  it('refuses a second registration for the same fair', async () => {
    const response = await participant
      .post(registerPath())
      .send({ profile: sampleProfile })
      .expect(409);
    expect(response.body.error.code).toBe('ALREADY_REGISTERED');
  });

  it('lets a person edit their own profile', async () => {
    const response = await participant
      .put(buildPath(apiRoutes.myRegistration, { fairId: fair.fairId }))
      .send({ profile: { ...sampleProfile, title: 'Hallituksen jäsen' } })
      .expect(200);
    expect(response.body.registration.profile.title).toBe('Hallituksen jäsen');
  });

  it('lists registrations for organisers only', async () => {
    const registrationsPath = buildPath(apiRoutes.registrations, { fairId: fair.fairId });
    await participant.get(registrationsPath).expect(403);
    const list = await organiser.get(registrationsPath).expect(200);
    expect(list.body.registrations.map((r: { role: string }) => r.role).sort()).toEqual([
      'organiser',
      'participant',
    ]);
  });

  it('lets the organiser make someone the facilitator of a room, shown on the room', async () => {
    const rolePath = buildPath(apiRoutes.registrationRole, {
      fairId: fair.fairId,
      registrationId: participantId,
    });
    const response = await organiser
      .put(rolePath)
      .send({ role: 'facilitator', facilitatorRoomIds: [fair.roomId] })
      .expect(200);
    expect(response.body.registration).toMatchObject({
      role: 'facilitator',
      facilitatorRoomIds: [fair.roomId],
    });
    const detail = await participant
      .get(buildPath(apiRoutes.fair, { fairId: fair.fairId }))
      .expect(200);
    expect(detail.body.rooms[0].facilitatorIds).toEqual([participantId]);

    const speaker = await organiser
      .put(rolePath)
      .send({ role: 'speaker', facilitatorRoomIds: [fair.roomId] })
      .expect(200);
    expect(speaker.body.registration.facilitatorRoomIds).toEqual([]);
  });

  it('refuses role changes from non-organisers, to rooms of another fair, and for unknown people', async () => {
    const rolePath = buildPath(apiRoutes.registrationRole, {
      fairId: fair.fairId,
      registrationId: participantId,
    });
    const before = await fairSnapshot(api.store, fair.fairId);
    await participant.put(rolePath).send({ role: 'organiser' }).expect(403);
    await organiser
      .put(rolePath)
      .send({ role: 'facilitator', facilitatorRoomIds: [otherFair.roomId] })
      .expect(400);
    await organiser.put(rolePath).send({ role: 'king' }).expect(400);
    await organiser
      .put(
        buildPath(apiRoutes.registrationRole, {
          fairId: fair.fairId,
          registrationId: '00000000-0000-4000-8000-000000000000',
        }),
      )
      .send({ role: 'speaker' })
      .expect(404);
    expect(await fairSnapshot(api.store, fair.fairId)).toEqual(before);
  });
});
