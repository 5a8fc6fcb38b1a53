import { createHash } from 'node:crypto';
import type { Location } from '@kohtaamo/protocol';
import { AccessToken } from 'livekit-server-sdk';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LIVEKIT_WEBHOOK_PATH } from '../src/http/routes/livekit-webhook-routes';
import { type FakeLivekit, LIVEKIT_KEYS, startFakeLivekit } from './fake-livekit';
import {
  connectPerson,
  createPerson,
  eventually,
  type LiveClient,
  type LiveNodeOptions,
  useLiveFair,
} from './live-harness';
import { presenceBackends } from './presence-backends';

/** The Authorization header LiveKit sends: a token of the API key carrying the body's hash. */
async function signatureOf(body: string, apiSecret: string = LIVEKIT_KEYS.apiSecret) {
  const token = new AccessToken(LIVEKIT_KEYS.apiKey, apiSecret);
  token.sha256 = createHash('sha256').update(body).digest('base64');
  return token.toJwt();
}

function webhookBody(
  event: 'participant_joined' | 'participant_left',
  room: string,
  identity: string,
) {
  return JSON.stringify({
    id: `EV_${identity.slice(0, 8)}`,
    event,
    room: { sid: 'RM_kohtaamo', name: room },
    participant: { sid: `PA_${identity.slice(0, 8)}`, identity },
    createdAt: String(Math.floor(Date.now() / 1000)),
  });
}

describe.each(presenceBackends)('LiveKit webhook reconciles seats ($name presence)', (backend) => {
  let livekit: FakeLivekit;
  const nodeOptions: LiveNodeOptions = {};
  beforeAll(async () => {
    livekit = await startFakeLivekit();
    nodeOptions.media = { livekit: livekit.config, iceServers: [], tokenTtlSeconds: 300 };
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
  const clients: (LiveClient & { personId: string })[] = [];
  afterEach(async () => {
    const leaving = clients.splice(0);
    for (const client of leaving) client.close();
    // Their calls end as they go; wait for it so the next test starts from a quiet LiveKit.
    await eventually(async () => {
      for (const { personId } of leaving) expect(await locationOf(personId)).toBeUndefined();
    });
  });
  beforeEach(() => {
    livekit.calls.length = 0;
  });

  function callsAbout(personId: string) {
    return livekit.calls.filter(({ body }) => body.identity === personId);
  }

  async function seated(name: string, tableIndex = 0) {
    const person = await createPerson(live.store, live.fairId, name);
    const client = await connectPerson(live.node.url, person, live.fairId);
    const withId = Object.assign(client, { personId: person.registrationId });
    clients.push(withId);
    await client.ok('presence.go', { to: { kind: 'table', tableId: live.table(tableIndex) } });
    return withId;
  }

  async function locationOf(personId: string): Promise<Location | undefined> {
    return (await live.presence.whereIs(live.fairId, personId))?.location;
  }

  function post(body: string, authorization?: string) {
    return fetch(`${live.node.url}${LIVEKIT_WEBHOOK_PATH}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/webhook+json',
        ...(authorization ? { authorization } : {}),
      },
      body,
    });
  }

  it('frees the seat of someone LiveKit saw leave the table, and the room hears of it', async () => {
    const leaver = await seated('Aino Asukas');
    const neighbour = await seated('Bertta Naapuri');
    const room = `${live.fairId}.${live.table(0)}`;
    const body = webhookBody('participant_left', room, leaver.personId);

    const response = await post(body, await signatureOf(body));
    expect(response.status).toBe(204);
    expect(await locationOf(leaver.personId)).toEqual({ kind: 'room', roomId: live.roomId });
    await eventually(() => {
      expect(neighbour.diffs.at(-1)?.change).toMatchObject({
        kind: 'member',
        person: { id: leaver.personId },
        present: true,
        tableId: null,
      });
      expect(leaver.selves.at(-1)?.location).toEqual({ kind: 'room', roomId: live.roomId });
    });
  });

  it('leaves a seat alone when LiveKit reports leaving another table', async () => {
    const person = await seated('Cecilia', 1);
    const body = webhookBody(
      'participant_left',
      `${live.fairId}.${live.table(0)}`,
      person.personId,
    );
    expect((await post(body, await signatureOf(body))).status).toBe(204);
    expect(await locationOf(person.personId)).toMatchObject({ tableId: live.table(1) });
  });

  it('answers 401 and changes nothing for a tampered body, a wrong key or no signature', async () => {
    const person = await seated('Daniel Istuja');
    const other = await seated('Elina Muu');
    const room = `${live.fairId}.${live.table(0)}`;
    const signedBody = webhookBody('participant_left', room, other.personId);
    const tampered = webhookBody('participant_left', room, person.personId);
    // `other` sat down after `person`, so any diff it hears about `person` is a change.
    const aboutThem = () =>
      other.diffs.filter(
        ({ change }) => change.kind === 'member' && change.person.id === person.personId,
      ).length;
    const diffsBefore = aboutThem();

    const refusals = [
      await post(tampered, await signatureOf(signedBody)),
      await post(tampered, await signatureOf(tampered, 'another-secret-of-the-same-long-length')),
      await post(tampered),
    ];
    for (const response of refusals) {
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({
        ok: false,
        error: { code: 'UNAUTHENTICATED' },
      });
    }
    expect(await locationOf(person.personId)).toMatchObject({ tableId: live.table(0) });
    expect(await locationOf(other.personId)).toMatchObject({ tableId: live.table(0) });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(aboutThem()).toBe(diffsBefore);
    expect([...callsAbout(person.personId), ...callsAbout(other.personId)]).toEqual([]);
  });

  it('removes from a LiveKit room someone presence does not show at its table', async () => {
    const intruder = await seated('Frans Muualla', 1);
    const room = `${live.fairId}.${live.table(0)}`;
    const body = webhookBody('participant_joined', room, intruder.personId);
    expect((await post(body, await signatureOf(body))).status).toBe(204);
    expect(callsAbout(intruder.personId)).toMatchObject([
      {
        path: '/twirp/livekit.RoomService/RemoveParticipant',
        body: { room, identity: intruder.personId },
      },
    ]);

    const member = await seated('Greta Paikallaan', 0);
    const welcome = webhookBody('participant_joined', room, member.personId);
    expect((await post(welcome, await signatureOf(welcome))).status).toBe(204);
    expect(callsAbout(member.personId)).toEqual([]);
  });

  it('ends the LiveKit call of someone who stands up from the table', async () => {
    const person = await seated('Hanna Lähtijä');
    await person.ok('presence.go', { to: { kind: 'room', roomId: live.roomId } });
    await eventually(() => {
      expect(callsAbout(person.personId)).toMatchObject([
        {
          path: '/twirp/livekit.RoomService/RemoveParticipant',
          body: { room: `${live.fairId}.${live.table(0)}`, identity: person.personId },
        },
      ]);
    });
  });
});
