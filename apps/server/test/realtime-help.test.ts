import type { HelpChanged, Role } from '@kohtaamo/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import {
  connectPerson,
  createPerson,
  eventually,
  type LiveClient,
  useLiveFair,
} from './live-harness';
import { presenceBackends } from './presence-backends';

type HelpClient = LiveClient & { personId: string; news: HelpChanged[] };

/** Long enough that nothing more could have arrived on the same local connection. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 200));

describe.each(presenceBackends)('raising a hand over Socket.IO ($name presence)', (backend) => {
  const live = useLiveFair(backend, { otherRooms: 1 });
  const clients: HelpClient[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.close();
    // Each test starts from an empty queue.
    for (const roomId of live.roomIds) {
      for (const open of await live.store.help.listOpen(live.fairId, roomId)) {
        const closing = { outcome: 'cancelled', by: open.person.id, now: new Date() } as const;
        await live.store.help.close(live.fairId, open.id, closing);
      }
    }
  });

  async function join(name: string, role?: Role, roomIds: string[] = []): Promise<HelpClient> {
    const person = await createPerson(live.store, live.fairId, name, { role, roomIds });
    const client = await connectPerson(live.node.url, person, live.fairId);
    const recorded = Object.assign(client, {
      personId: person.registrationId,
      news: [] as HelpChanged[],
    });
    client.socket.on('help.changed', (change: HelpChanged) => recorded.news.push(change));
    clients.push(recorded);
    return recorded;
  }

  async function staff() {
    return {
      facilitator: await join('Fiia', 'facilitator', [live.roomId]),
      organiser: await join('Olli', 'organiser'),
      otherFacilitator: await join('Veikko', 'facilitator', [live.roomIds[1]!]),
    };
  }

  async function inRoom(name: string) {
    const client = await join(name);
    await client.ok('presence.go', { to: { kind: 'room', roomId: live.roomId } });
    return client;
  }

  it('brings a raised hand to the room’s facilitators and organisers only', async () => {
    const { facilitator, organiser, otherFacilitator } = await staff();
    const aino = await inRoom('Aino');
    const request = await aino.ok('help.raise', { note: 'Kamera ei toimi' });
    expect(request).toMatchObject({
      roomId: live.roomId,
      person: { id: aino.personId, name: 'Aino' },
      note: 'Kamera ei toimi',
    });
    const raised = { request, state: 'open', by: null };
    await eventually(() => {
      expect(facilitator.news).toEqual([raised]);
      expect(organiser.news).toEqual([raised]);
      expect(aino.news).toEqual([raised]);
    });
    await settle();
    expect(otherFacilitator.news).toEqual([]);

    expect(await facilitator.ok('help.queue', { roomId: live.roomId })).toEqual({
      requests: [request],
    });
    expect(await organiser.ok('help.queue', { roomId: live.roomId })).toEqual({
      requests: [request],
    });
    for (const asker of [otherFacilitator, aino]) {
      expect(await asker.request('help.queue', { roomId: live.roomId })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    }
    expect(await aino.ok('help.mine', {})).toEqual({ request });
  });

  it('clears a resolved hand from the queue and tells the person who helped', async () => {
    const { facilitator, organiser, otherFacilitator } = await staff();
    const aino = await inRoom('Aino');
    const bertta = await inRoom('Bertta');
    const request = await aino.ok('help.raise', {});

    for (const asker of [bertta, otherFacilitator]) {
      expect(await asker.request('help.resolve', { requestId: request.id })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    }
    expect(await facilitator.ok('help.queue', { roomId: live.roomId })).toEqual({
      requests: [request],
    });

    await facilitator.ok('help.resolve', { requestId: request.id });
    const resolved = {
      request,
      state: 'resolved',
      by: { id: facilitator.personId, name: 'Fiia', organisation: expect.any(String) },
    };
    await eventually(() => {
      expect(aino.news.at(-1)).toEqual(resolved);
      expect(organiser.news.at(-1)).toEqual(resolved);
    });
    expect(await facilitator.ok('help.queue', { roomId: live.roomId })).toEqual({ requests: [] });
    expect(await aino.ok('help.mine', {})).toEqual({ request: null });
    expect(await organiser.request('help.resolve', { requestId: request.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('lets the person lower their own hand, and refuses a hand raised outside a room', async () => {
    const { facilitator } = await staff();
    const aino = await inRoom('Aino');
    const request = await aino.ok('help.raise', {});
    await aino.ok('help.cancel', {});
    await eventually(() =>
      expect(facilitator.news.at(-1)).toEqual({ request, state: 'cancelled', by: null }),
    );
    expect(await facilitator.ok('help.queue', { roomId: live.roomId })).toEqual({ requests: [] });

    const inLobby = await join('Leena');
    expect(await inLobby.request('help.raise', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});
