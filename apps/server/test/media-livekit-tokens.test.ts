import { httpStatusOf, type MediaSession, type Role } from '@kohtaamo/protocol';
import { TokenVerifier } from 'livekit-server-sdk';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type FakeLivekit, LIVEKIT_KEYS, startFakeLivekit } from './fake-livekit';
import {
  connectPerson,
  createPerson,
  type LiveClient,
  type LiveNodeOptions,
  useLiveFair,
} from './live-harness';
import { presenceBackends } from './presence-backends';

const TOKEN_TTL_SECONDS = 300;

describe.each(presenceBackends)('LiveKit tokens follow seats ($name presence)', (backend) => {
  let livekit: FakeLivekit;
  // Read by the live fair's own beforeAll, which runs after this one has filled it in.
  const nodeOptions: LiveNodeOptions = {};
  beforeAll(async () => {
    livekit = await startFakeLivekit();
    nodeOptions.media = {
      livekit: livekit.config,
      iceServers: [],
      tokenTtlSeconds: TOKEN_TTL_SECONDS,
    };
  });
  afterAll(() => livekit.close());
  const live = useLiveFair(
    backend,
    Object.assign(nodeOptions, {
      tables: [
        { name: 'Pöytä 1', capacity: 8 },
        { name: 'Pöytä 2', capacity: 8 },
      ],
    }),
  );
  const clients: LiveClient[] = [];
  afterEach(() => {
    for (const client of clients.splice(0)) client.close();
  });

  async function join(name: string, role?: Role): Promise<LiveClient & { personId: string }> {
    const person = await createPerson(live.store, live.fairId, name);
    if (role)
      await live.store.registrations.assignRole(live.fairId, person.registrationId, role, []);
    const client = await connectPerson(live.node.url, person, live.fairId);
    clients.push(client);
    return Object.assign(client, { personId: person.registrationId });
  }

  async function claimsOf(session: MediaSession) {
    if (session.mode !== 'livekit') throw new Error('expected a LiveKit session');
    return new TokenVerifier(LIVEKIT_KEYS.apiKey, LIVEKIT_KEYS.apiSecret).verify(session.token);
  }

  it('gives a table member a short-lived token to publish camera, microphone and screen at that table', async () => {
    const client = await join('Aino Asukas');
    const tableId = live.table(0);
    await client.ok('presence.go', { to: { kind: 'table', tableId } });

    const before = Math.floor(Date.now() / 1000);
    const session = await client.ok('media.join', { place: { kind: 'table', tableId } });
    expect(session).toMatchObject({
      mode: 'livekit',
      url: livekit.config.url,
      roomName: `${live.fairId}.${tableId}`,
      publishes: true,
    });
    const claims = await claimsOf(session);
    expect(claims.sub).toBe(client.personId);
    expect(claims.name).toBe('Aino Asukas');
    expect(claims.video).toEqual({
      room: `${live.fairId}.${tableId}`,
      roomJoin: true,
      canSubscribe: true,
      canPublish: true,
      canPublishSources: ['camera', 'microphone', 'screen_share', 'screen_share_audio'],
      canPublishData: false,
      canUpdateOwnMetadata: false,
    });
    // LiveKit tokens carry no iat; nbf is the moment of minting.
    const { exp = 0, nbf = 0 } = claims;
    expect(exp - nbf).toBe(TOKEN_TTL_SECONDS);
    expect(nbf).toBeGreaterThanOrEqual(before);
    const expiresAt = session.mode === 'livekit' ? Date.parse(session.expiresAt) : 0;
    expect(Math.abs(expiresAt - exp * 1000)).toBeLessThan(1000);
  });

  it('gives no token for a table one is not seated at, nor for the stage one is not on', async () => {
    const client = await join('Bertta Kävijä');
    const place = { kind: 'table', tableId: live.table(0) } as const;
    await client.ok('presence.go', { to: { kind: 'room', roomId: live.roomId } });
    const standing = await client.request('media.join', { place });
    expect(standing).toMatchObject({ ok: false, error: { code: 'NOT_SEATED' } });
    expect(httpStatusOf.NOT_SEATED).toBe(403);

    await client.ok('presence.go', { to: { kind: 'table', tableId: live.table(1) } });
    expect(await client.request('media.join', { place })).toMatchObject({
      ok: false,
      error: { code: 'NOT_SEATED' },
    });
    expect(await client.request('media.join', { place: { kind: 'stage' } })).toMatchObject({
      ok: false,
      error: { code: 'NOT_SEATED' },
    });
  });

  it('lets the stage audience subscribe only, and speakers and organisers publish', async () => {
    const cases: { role: Role; publishes: boolean }[] = [
      { role: 'participant', publishes: false },
      { role: 'facilitator', publishes: false },
      { role: 'speaker', publishes: true },
      { role: 'organiser', publishes: true },
    ];
    for (const { role, publishes } of cases) {
      const client = await join(`Lavalla ${role}`, role);
      await client.ok('presence.go', { to: { kind: 'stage' } });
      const session = await client.ok('media.join', { place: { kind: 'stage' } });
      expect(session).toMatchObject({ roomName: `${live.fairId}.stage`, publishes });
      const { video } = await claimsOf(session);
      expect(video, role).toMatchObject({
        room: `${live.fairId}.stage`,
        roomJoin: true,
        canSubscribe: true,
        canPublish: publishes,
        canPublishSources: publishes
          ? ['camera', 'microphone', 'screen_share', 'screen_share_audio']
          : [],
        canPublishData: false,
      });
    }
  });

  it('refuses mesh signalling when calls go through LiveKit', async () => {
    const first = await join('Eeva');
    const second = await join('Frans');
    const tableId = live.table(1);
    await first.ok('presence.go', { to: { kind: 'table', tableId } });
    await second.ok('presence.go', { to: { kind: 'table', tableId } });
    const ack = await first.request('media.signal', {
      place: { kind: 'table', tableId },
      to: second.personId,
      signal: { kind: 'candidate', candidate: { candidate: '' } },
    });
    expect(ack).toMatchObject({ ok: false, error: { code: 'NOT_PEER' } });
  });
});
