import { RoomServiceClient, TokenVerifier } from 'livekit-server-sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLivekitControl } from '../src/media/livekit-control';
import type { MediaControl } from '../src/media/media-control';
import { type FakeLivekit, LIVEKIT_KEYS, startFakeLivekit, twirpNotFound } from './fake-livekit';

const fairId = '5f0c1a52-3c1e-4b8e-9a51-0f3b1c2d4e5f';
const tableId = '8d7e6f5a-4b3c-4d2e-8f1a-9b8c7d6e5f4a';
const personId = '1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d';
const tableRoom = `${fairId}.${tableId}`;
const member = { fairId, personId };

/** The room a call's token lets it administer: the server must ask for no more than that. */
async function adminGrantOf(authorization: string | undefined) {
  expect(authorization).toMatch(/^Bearer /);
  const token = (authorization ?? '').slice('Bearer '.length);
  const claims = await new TokenVerifier(LIVEKIT_KEYS.apiKey, LIVEKIT_KEYS.apiSecret).verify(token);
  return claims.video;
}

describe('moderation through LiveKit (RoomService against a stand-in server)', () => {
  let livekit: FakeLivekit;
  let control: MediaControl;

  beforeAll(async () => {
    livekit = await startFakeLivekit();
    const { url, apiKey, apiSecret } = livekit.config;
    control = createLivekitControl(new RoomServiceClient(url, apiKey, apiSecret));
  });
  afterAll(() => livekit.close());
  beforeEach(() => {
    livekit.calls.length = 0;
  });

  it('removes a participant from the LiveKit room of the place, as room admin of that room only', async () => {
    livekit.answerWith(() => ({ status: 200, body: {} }));
    await control.removeFromCall(member, { kind: 'table', tableId });
    expect(livekit.calls).toHaveLength(1);
    const [call] = livekit.calls;
    expect(call?.path).toBe('/twirp/livekit.RoomService/RemoveParticipant');
    expect(call?.body).toMatchObject({ room: tableRoom, identity: personId });
    expect(await adminGrantOf(call?.authorization)).toMatchObject({
      roomAdmin: true,
      room: tableRoom,
    });
  });

  it('counts removing someone LiveKit no longer has as done, and reports other failures', async () => {
    livekit.answerWith(() => twirpNotFound);
    await expect(control.removeFromCall(member, { kind: 'stage' })).resolves.toBeUndefined();
    expect(livekit.calls[0]?.body).toMatchObject({ room: `${fairId}.stage` });

    livekit.answerWith(() => ({ status: 500, body: { code: 'internal', msg: 'boom' } }));
    await expect(control.removeFromCall(member, { kind: 'stage' })).rejects.toThrow();
  });

  it('mutes only the published tracks of the kind asked for', async () => {
    livekit.answerWith(({ path }) =>
      path.endsWith('/GetParticipant')
        ? {
            status: 200,
            body: {
              identity: personId,
              tracks: [
                { sid: 'TR_microphone', source: 'MICROPHONE', type: 'AUDIO', muted: false },
                { sid: 'TR_camera', source: 'CAMERA', type: 'VIDEO', muted: false },
                { sid: 'TR_screen', source: 'SCREEN_SHARE', type: 'VIDEO', muted: false },
              ],
            },
          }
        : { status: 200, body: {} },
    );
    await control.muteTrack(member, { kind: 'table', tableId }, 'microphone');
    expect(livekit.calls.map(({ path }) => path)).toEqual([
      '/twirp/livekit.RoomService/GetParticipant',
      '/twirp/livekit.RoomService/MutePublishedTrack',
    ]);
    expect(livekit.calls[0]?.body).toMatchObject({ room: tableRoom, identity: personId });
    expect(livekit.calls[1]?.body).toMatchObject({
      room: tableRoom,
      identity: personId,
      trackSid: 'TR_microphone',
      muted: true,
    });
    expect(await adminGrantOf(livekit.calls[1]?.authorization)).toMatchObject({
      roomAdmin: true,
      room: tableRoom,
    });
  });

  it('mutes nothing when the person has left LiveKit already', async () => {
    livekit.answerWith(() => twirpNotFound);
    await control.muteTrack(member, { kind: 'table', tableId }, 'camera');
    expect(livekit.calls.map(({ path }) => path)).toEqual([
      '/twirp/livekit.RoomService/GetParticipant',
    ]);
  });
});
