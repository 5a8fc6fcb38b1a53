import {
  apiRoutes,
  type Broadcast,
  buildPath,
  MediaServerEvent,
  type MediaModeration,
  type ModerationNotice,
  moderationLogResponseSchema,
} from '@kohtaamo/protocol';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  connectPerson,
  createPerson,
  eventually,
  type LiveClient,
  signInAs,
  useLiveFair,
} from './live-harness';
import { presenceBackends } from './presence-backends';

const memory = presenceBackends.find((backend) => backend.name === 'memory');
if (!memory) throw new Error('the memory presence backend is always there');

type Listener = LiveClient & {
  id: string;
  notices: ModerationNotice[];
  media: MediaModeration[];
  broadcasts: Broadcast[];
};

describe('what moderation does to the person affected (memory presence)', () => {
  const live = useLiveFair(memory, {
    tables: [
      { name: 'Pöytä 1', capacity: 6 },
      { name: 'Pöytä 2', capacity: 2 },
    ],
    otherRooms: 1,
  });
  let organiser: LiveClient;
  let organiserCookie: string;

  async function person(name: string): Promise<Listener> {
    const created = await createPerson(live.store, live.fairId, name);
    const client = await connectPerson(live.node.url, created, live.fairId);
    const listener: Listener = Object.assign(client, {
      id: created.registrationId,
      notices: [] as ModerationNotice[],
      media: [] as MediaModeration[],
      broadcasts: [] as Broadcast[],
    });
    client.socket.on('moderation.notice', (notice: ModerationNotice) =>
      listener.notices.push(notice),
    );
    client.socket.on(MediaServerEvent.moderation, (notice: MediaModeration) =>
      listener.media.push(notice),
    );
    client.socket.on('live.broadcast', (broadcast: Broadcast) =>
      listener.broadcasts.push(broadcast),
    );
    return listener;
  }

  beforeAll(async () => {
    const [registration] = await live.store.registrations.list(live.fairId, {
      roles: ['organiser'],
    });
    if (!registration) throw new Error('the fair has an organiser');
    organiserCookie = await signInAs(live.store, registration.accountId);
    organiser = await connectPerson(live.node.url, { cookie: organiserCookie }, live.fairId);
  });

  it('mutes through the call and tells the person who did it and why', async () => {
    const aino = await person('Aino');
    await aino.ok('presence.go', { to: { kind: 'table', tableId: live.table(0) } });
    const entry = await organiser.ok('moderation.mute', {
      person: aino.id,
      track: 'microphone',
      reason: 'Kaikuu',
    });
    expect(entry).toMatchObject({
      action: { kind: 'mute', track: 'microphone' },
      target: { id: aino.id, name: 'Aino' },
      tableId: live.table(0),
      reason: 'Kaikuu',
    });
    await eventually(() => {
      expect(aino.media).toEqual([
        { place: { kind: 'table', tableId: live.table(0) }, action: 'mute', track: 'microphone' },
      ]);
      expect(aino.notices).toEqual([
        expect.objectContaining({
          action: { kind: 'mute', track: 'microphone' },
          reason: 'Kaikuu',
        }),
      ]);
    });
  });

  it('removes from a table to its room, then from the room to the lobby', async () => {
    const bo = await person('Bo');
    await bo.ok('presence.go', { to: { kind: 'table', tableId: live.table(0) } });
    await organiser.ok('moderation.remove', { person: bo.id, from: 'table' });
    await eventually(() =>
      expect(bo.selves.at(-1)?.location).toEqual({ kind: 'room', roomId: live.roomId }),
    );
    // Not at a table any more: nothing to remove them from.
    const again = await organiser.request('moderation.remove', { person: bo.id, from: 'table' });
    expect(again).toMatchObject({ ok: false, error: { code: 'NOT_PRESENT' } });
    await organiser.ok('moderation.remove', { person: bo.id, from: 'room' });
    await eventually(() => expect(bo.selves.at(-1)?.location).toEqual({ kind: 'lobby' }));
    expect(bo.notices.map((notice) => notice.action)).toEqual([
      { kind: 'remove', from: 'table' },
      { kind: 'remove', from: 'room' },
    ]);
  });

  it('refuses a move to a full table like a sit, and logs nothing', async () => {
    const [cai, dan, eve] = [await person('Cai'), await person('Dan'), await person('Eve')];
    for (const seated of [cai, dan]) {
      await seated.ok('presence.go', { to: { kind: 'table', tableId: live.table(1) } });
    }
    const before = await live.store.moderationLog.list(live.fairId, 500);
    const full = await organiser.request('moderation.move', {
      person: eve.id,
      tableId: live.table(1),
    });
    expect(full).toMatchObject({ ok: false, error: { code: 'TABLE_FULL' } });
    expect(await live.store.moderationLog.list(live.fairId, 500)).toEqual(before);
  });

  it('says NOT_PRESENT for someone registered but not connected', async () => {
    const absent = await createPerson(live.store, live.fairId, 'Poissa');
    const ack = await organiser.request('moderation.move', {
      person: absent.registrationId,
      tableId: live.table(0),
    });
    expect(ack).toMatchObject({ ok: false, error: { code: 'NOT_PRESENT' } });
  });

  it('broadcasts to one room only, or to the whole fair', async () => {
    const [inRoom, elsewhere] = [await person('Huoneessa'), await person('Muualla')];
    await inRoom.ok('presence.go', { to: { kind: 'room', roomId: live.roomId } });
    const otherRoom = live.roomIds[1] ?? '';
    await elsewhere.ok('presence.go', { to: { kind: 'room', roomId: otherRoom } });
    const roomMessage = await organiser.ok('moderation.broadcast', {
      audience: { kind: 'room', roomId: live.roomId },
      text: 'Kierros päättyy pian',
    });
    const fairMessage = await organiser.ok('moderation.broadcast', {
      audience: { kind: 'fair' },
      text: 'Tervetuloa kaikki',
    });
    await eventually(() => {
      expect(inRoom.broadcasts).toEqual([roomMessage, fairMessage]);
      expect(elsewhere.broadcasts).toEqual([fairMessage]);
    });
  });

  it('keeps every action in the log that organisers read over REST', async () => {
    const response = await fetch(
      `${live.node.url}${buildPath(apiRoutes.moderationLog, { fairId: live.fairId })}`,
      { headers: { cookie: organiserCookie } },
    );
    expect(response.status).toBe(200);
    const { entries } = moderationLogResponseSchema.parse(await response.json());
    expect(entries.map((entry) => entry.action.kind)).toEqual([
      'broadcast',
      'broadcast',
      'remove',
      'remove',
      'mute',
    ]);
  });
});
