import {
  MediaServerEvent,
  type MediaModeration,
  type MediaPeerEvent,
  type MediaSignalDelivery,
  MESH_STAGE_AUDIENCE_LIMIT,
  MESH_TABLE_LIMIT,
  type MeshSignal,
  type Role,
} from '@kohtaamo/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import {
  connectPerson,
  createPerson,
  eventually,
  type LiveClient,
  useLiveFair,
} from './live-harness';
import { presenceBackends } from './presence-backends';

type MeshClient = LiveClient & {
  personId: string;
  peers: MediaPeerEvent[];
  signals: MediaSignalDelivery[];
  moderation: MediaModeration[];
};

const offer: MeshSignal = {
  kind: 'description',
  description: { type: 'offer', sdp: 'v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\n' },
};
const answer: MeshSignal = {
  kind: 'description',
  description: { type: 'answer', sdp: 'v=0\r\no=- 3 4 IN IP4 127.0.0.1\r\ns=-\r\n' },
};
const candidate: MeshSignal = {
  kind: 'candidate',
  candidate: {
    candidate: 'candidate:1 1 udp 2122260223 127.0.0.1 54400 typ host',
    sdpMid: '0',
    sdpMLineIndex: 0,
  },
};

/** Long enough that nothing more could have arrived on the same local connection. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 200));

describe.each(presenceBackends)('mesh calls over Socket.IO ($name presence)', (backend) => {
  const live = useLiveFair(backend, {
    tables: [
      { name: 'Pöytä 1', capacity: 8 },
      { name: 'Pöytä 2', capacity: 8 },
      { name: 'Iso pöytä', capacity: 10 },
    ],
  });
  const clients: MeshClient[] = [];
  afterEach(() => {
    for (const client of clients.splice(0)) client.close();
  });

  async function join(name: string, role?: Role): Promise<MeshClient> {
    const person = await createPerson(live.store, live.fairId, name, { role });
    const client = await connectPerson(live.node.url, person, live.fairId);
    const recorded = Object.assign(client, {
      personId: person.registrationId,
      peers: [] as MediaPeerEvent[],
      signals: [] as MediaSignalDelivery[],
      moderation: [] as MediaModeration[],
    });
    client.socket.on(MediaServerEvent.peer, (event: MediaPeerEvent) => recorded.peers.push(event));
    client.socket.on(MediaServerEvent.signal, (delivery: MediaSignalDelivery) =>
      recorded.signals.push(delivery),
    );
    client.socket.on(MediaServerEvent.moderation, (notice: MediaModeration) =>
      recorded.moderation.push(notice),
    );
    clients.push(recorded);
    return recorded;
  }

  async function seatedInCall(name: string, tableIndex: number) {
    const client = await join(name);
    const tableId = live.table(tableIndex);
    await client.ok('presence.go', { to: { kind: 'table', tableId } });
    const session = await client.ok('media.join', { place: { kind: 'table', tableId } });
    return { client, session };
  }

  it('lets two people at one table find each other and relay offer, answer and candidates', async () => {
    const place = { kind: 'table', tableId: live.table(0) } as const;
    const { client: aino, session: ainoSession } = await seatedInCall('Aino', 0);
    expect(ainoSession).toMatchObject({ mode: 'mesh', iceServers: [], peers: [] });
    const { client: bertta, session: berttaSession } = await seatedInCall('Bertta', 0);
    expect(berttaSession).toMatchObject({
      mode: 'mesh',
      self: { person: { id: bertta.personId, name: 'Bertta' }, publishes: true },
      peers: [{ person: { id: aino.personId, name: 'Aino' }, publishes: true }],
    });
    await eventually(() => {
      expect(aino.peers).toEqual([
        {
          place,
          peer: { person: expect.objectContaining({ id: bertta.personId }), publishes: true },
          present: true,
        },
      ]);
    });

    expect(
      await aino.request('media.signal', { place, to: bertta.personId, signal: offer }),
    ).toEqual({
      ok: true,
      data: {},
    });
    await bertta.ok('media.signal', { place, to: aino.personId, signal: answer });
    await bertta.ok('media.signal', { place, to: aino.personId, signal: candidate });
    await eventually(() => {
      expect(bertta.signals).toEqual([{ place, from: aino.personId, signal: offer }]);
      expect(aino.signals).toEqual([
        { place, from: bertta.personId, signal: answer },
        { place, from: bertta.personId, signal: candidate },
      ]);
    });
  });

  it('relays nothing between people at different tables and says why', async () => {
    const place = { kind: 'table', tableId: live.table(0) } as const;
    const { client: aino } = await seatedInCall('Aino', 0);
    const { client: bertta } = await seatedInCall('Bertta', 0);
    const { client: cecilia } = await seatedInCall('Cecilia muualla', 1);

    expect(
      await cecilia.request('media.signal', { place, to: aino.personId, signal: offer }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_SEATED' } });
    expect(
      await cecilia.request('media.signal', {
        place: { kind: 'table', tableId: live.table(1) },
        to: aino.personId,
        signal: offer,
      }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_PEER' } });
    expect(
      await aino.request('media.signal', { place, to: cecilia.personId, signal: offer }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_PEER' } });
    expect(await cecilia.request('media.join', { place })).toMatchObject({
      ok: false,
      error: { code: 'NOT_SEATED' },
    });

    await settle();
    expect(aino.signals).toEqual([]);
    expect(bertta.signals).toEqual([]);
    expect(cecilia.signals).toEqual([]);
    expect(aino.peers.map(({ peer }) => peer.person.id)).toEqual([bertta.personId]);
  });

  it('tells the call when someone stands up or leaves it, and relays to them no more', async () => {
    const place = { kind: 'table', tableId: live.table(0) } as const;
    const { client: aino } = await seatedInCall('Aino', 0);
    const { client: bertta } = await seatedInCall('Bertta', 0);
    const { client: daniel } = await seatedInCall('Daniel', 0);

    await bertta.ok('presence.go', { to: { kind: 'room', roomId: live.roomId } });
    await eventually(() => {
      expect(aino.peers.at(-1)).toMatchObject({
        peer: { person: { id: bertta.personId } },
        present: false,
      });
    });
    expect(
      await aino.request('media.signal', { place, to: bertta.personId, signal: offer }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_PEER' } });

    await daniel.ok('media.leave', { place });
    await eventually(() => {
      expect(aino.peers.at(-1)).toMatchObject({
        peer: { person: { id: daniel.personId } },
        present: false,
      });
    });
    // Daniel keeps the seat; joining again is a rejoin the others hear of.
    await daniel.ok('media.join', { place });
    await eventually(() => {
      expect(aino.peers.at(-1)).toMatchObject({
        peer: { person: { id: daniel.personId } },
        present: true,
      });
    });
  });

  it('seats at most six at a mesh table, whatever capacity the organiser set', async () => {
    const tableId = live.table(2);
    const sitters = await Promise.all(
      Array.from({ length: MESH_TABLE_LIMIT + 1 }, (_, i) => join(`Istuja ${i + 1}`)),
    );
    const answers = await Promise.all(
      sitters.map((sitter) => sitter.request('presence.go', { to: { kind: 'table', tableId } })),
    );
    expect(answers.filter((ack) => ack.ok)).toHaveLength(MESH_TABLE_LIMIT);
    expect(answers.filter((ack) => !ack.ok)).toMatchObject([
      { ok: false, error: { code: 'TABLE_FULL' } },
    ]);
    const snapshot = await sitters[0]?.ok('presence.snapshot', { scope: `room:${live.roomId}` });
    const state = snapshot?.scopeKind === 'room' ? snapshot.state : undefined;
    expect(state?.tables.find((table) => table.tableId === tableId)?.capacity).toBe(
      MESH_TABLE_LIMIT,
    );
  });

  it('serves twelve viewers on the mesh stage and tells the thirteenth it is full', async () => {
    const stage = { kind: 'stage' } as const;
    const speaker = await join('Puhuja Pia', 'speaker');
    await speaker.ok('presence.go', { to: stage });
    expect(await speaker.ok('media.join', { place: stage })).toMatchObject({
      self: { publishes: true },
      peers: [],
    });
    const viewers: MeshClient[] = [];
    for (let i = 0; i < MESH_STAGE_AUDIENCE_LIMIT; i += 1) {
      const viewer = await join(`Katsoja ${i + 1}`);
      await viewer.ok('presence.go', { to: stage });
      const session = await viewer.ok('media.join', { place: stage });
      // A viewer connects with the speaker only, never with other viewers.
      expect(session).toMatchObject({
        self: { publishes: false },
        peers: [{ person: { id: speaker.personId }, publishes: true }],
      });
      viewers.push(viewer);
    }
    const late = await join('Myöhästynyt Matti');
    await late.ok('presence.go', { to: stage });
    const refused = await late.request('media.join', { place: stage });
    expect(refused).toMatchObject({ ok: false, error: { code: 'MEDIA_FULL' } });
    expect(refused.ok ? '' : refused.error.message).toMatch(/stage is full .*LiveKit/);

    await eventually(() => expect(speaker.peers).toHaveLength(MESH_STAGE_AUDIENCE_LIMIT));
    const [first, second] = viewers;
    if (!first || !second) throw new Error('no viewers');
    expect(first.peers).toEqual([]);
    expect(
      await first.request('media.signal', { place: stage, to: second.personId, signal: offer }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_PEER' } });
    await speaker.ok('media.signal', { place: stage, to: first.personId, signal: offer });
    await first.ok('media.signal', { place: stage, to: speaker.personId, signal: answer });
    await eventually(() => {
      expect(first.signals).toEqual([{ place: stage, from: speaker.personId, signal: offer }]);
      expect(speaker.signals).toEqual([{ place: stage, from: first.personId, signal: answer }]);
    });
    await settle();
    expect(second.signals).toEqual([]);

    // A viewer leaving the stage makes room for the one who was turned away.
    await first.ok('presence.go', { to: { kind: 'lobby' } });
    await eventually(() => {
      expect(speaker.peers.at(-1)).toMatchObject({
        peer: { person: { id: first.personId } },
        present: false,
      });
    });
    expect(await late.ok('media.join', { place: stage })).toMatchObject({ mode: 'mesh' });
  });

  it('relays a realistic offer bigger than ordinary events, and refuses an absurd one', async () => {
    const place = { kind: 'table', tableId: live.table(1) } as const;
    const { client: aino } = await seatedInCall('Aino', 1);
    const { client: bertta } = await seatedInCall('Bertta', 1);
    const bigOffer: MeshSignal = {
      kind: 'description',
      description: { type: 'offer', sdp: `v=0\r\n${'a=rtpmap:96 VP8/90000\r\n'.repeat(600)}` },
    };
    await aino.ok('media.signal', { place, to: bertta.personId, signal: bigOffer });
    const absurd: MeshSignal = {
      kind: 'description',
      description: { type: 'offer', sdp: 'a'.repeat(40_000) },
    };
    expect(
      await aino.request('media.signal', { place, to: bertta.personId, signal: absurd }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID' } });
    await eventually(() => expect(bertta.signals).toHaveLength(1));
  });

  it('carries moderation to the client: mute a track, or take the person out of the call', async () => {
    const place = { kind: 'table', tableId: live.table(0) } as const;
    const { client: aino } = await seatedInCall('Aino', 0);
    const { client: bertta } = await seatedInCall('Bertta', 0);
    const { control } = live.node.realtime.media;
    const member = { fairId: live.fairId, personId: bertta.personId };

    await control.muteTrack(member, place, 'microphone');
    await control.removeFromCall(member, place);
    await eventually(() => {
      expect(bertta.moderation).toEqual([
        { place, action: 'mute', track: 'microphone' },
        { place, action: 'remove' },
      ]);
      expect(aino.peers.at(-1)).toMatchObject({
        peer: { person: { id: bertta.personId } },
        present: false,
      });
    });
    expect(aino.moderation).toEqual([]);
  });
});
