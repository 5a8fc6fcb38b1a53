import { apiRoutes, buildPath, PROTOCOL_VERSION } from '@kohtaamo/protocol';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../src/store/types';
import {
  connectPerson,
  createPerson,
  eventually,
  type LiveClient,
  type LiveNode,
  openSocket,
  signInAs,
  useLiveFair,
} from './live-harness';
import { presenceBackends } from './presence-backends';
import { createFair, createRoom } from './store-fixtures';

describe.each(presenceBackends)('live presence over Socket.IO on one node ($name)', (backend) => {
  const live = useLiveFair(backend, {
    tables: [
      { name: 'Pöytä 1', capacity: 2 },
      { name: 'Pöytä 2', capacity: 6 },
    ],
    otherRooms: 1,
  });
  let store: Store;
  let node: LiveNode;
  let fairId: string;
  let roomId: string;
  let otherRoomId: string;
  const table = (index: number) => live.table(index);
  const clients: LiveClient[] = [];

  beforeAll(() => {
    ({ store, node, fairId, roomId } = live);
    otherRoomId = live.roomIds[1] ?? '';
  });
  afterEach(() => {
    for (const client of clients.splice(0)) client.close();
  });

  async function join(name: string, organisation?: string): Promise<LiveClient> {
    const person = await createPerson(store, fairId, name, { organisation });
    const client = await connectPerson(node.url, person, fairId);
    clients.push(client);
    return client;
  }

  function connectError(cookie: string | undefined, auth: unknown): Promise<unknown> {
    const socket = openSocket(node.url, cookie, auth);
    return new Promise((resolve) => {
      socket.once('connect_error', (err: Error & { data?: unknown }) => {
        socket.close();
        resolve(err.data);
      });
    });
  }

  describe('connecting', () => {
    it('refuses a connection without a session, naming the reason', async () => {
      const auth = { fairId, protocol: PROTOCOL_VERSION };
      expect(await connectError(undefined, auth)).toEqual({ code: 'UNAUTHENTICATED' });
      expect(await connectError('kh_session=s%3Aforged.signature', auth)).toEqual({
        code: 'UNAUTHENTICATED',
      });
    });

    it('refuses a signed-in person who is not registered for the fair', async () => {
      const { fair: otherFair } = await createFair(store);
      const person = await createPerson(store, otherFair.id, 'Ulla Ulkopuolinen');
      expect(await connectError(person.cookie, { fairId, protocol: PROTOCOL_VERSION })).toEqual({
        code: 'NOT_REGISTERED',
      });
    });

    it('refuses a handshake that does not name a fair', async () => {
      const person = await createPerson(store, fairId, 'Aino');
      const protocol = PROTOCOL_VERSION;
      expect(await connectError(person.cookie, { protocol })).toEqual({ code: 'INVALID' });
      expect(await connectError(person.cookie, { fairId: 'not-a-uuid', protocol })).toEqual({
        code: 'INVALID',
      });
    });

    it('tells a page from before a protocol change to reload', async () => {
      const person = await createPerson(store, fairId, 'Aino Vanhasivu');
      expect(await connectError(person.cookie, { fairId, protocol: PROTOCOL_VERSION - 1 })).toEqual(
        { code: 'OUTDATED' },
      );
      expect(await connectError(person.cookie, { fairId })).toEqual({ code: 'INVALID' });
    });

    it('places a new arrival in the lobby and tells them so', async () => {
      const client = await join('Aino Virtanen');
      expect(client.selves).toEqual([{ location: { kind: 'lobby' }, scope: 'lobby' }]);
      expect(await client.ok('presence.self', {})).toEqual(client.selves[0]);
    });
  });

  describe('moving between places', () => {
    it('shows the lobby who entered a room, and the room who sat at which table', async () => {
      const watcher = await join('Wilma Watcher');
      const roomWatcher = await join('Reino Room');
      await roomWatcher.ok('presence.go', { to: { kind: 'room', roomId } });
      const mover = await join('Mikko Mover', 'Kemin kaupunki');
      const moverId = (await store.registrations.list(fairId)).find(
        (registration) => registration.profile.displayName === 'Mikko Mover',
      )?.id;

      expect(await mover.ok('presence.go', { to: { kind: 'room', roomId } })).toEqual({
        location: { kind: 'room', roomId },
        scope: `room:${roomId}`,
      });
      await eventually(() =>
        expect(watcher.diffs.at(-1)?.change).toMatchObject({
          kind: 'occupancy',
          rooms: [
            {
              roomId,
              count: 2,
              sample: expect.arrayContaining([
                { id: moverId, name: 'Mikko Mover', organisation: 'Kemin kaupunki' },
              ]),
            },
          ],
        }),
      );

      const tableId = table(1);
      expect(await mover.ok('presence.go', { to: { kind: 'table', tableId } })).toEqual({
        location: { kind: 'table', roomId, tableId },
        scope: `room:${roomId}`,
      });
      await eventually(() =>
        expect(roomWatcher.diffs.at(-1)).toMatchObject({
          scope: `room:${roomId}`,
          change: { kind: 'member', present: true, tableId, person: { id: moverId } },
        }),
      );
      const snapshot = await roomWatcher.ok('presence.snapshot', { scope: `room:${roomId}` });
      expect(snapshot.seq).toBe(roomWatcher.diffs.at(-1)?.seq);
      expect(snapshot.state).toMatchObject({
        roomId,
        members: expect.arrayContaining([
          { person: expect.objectContaining({ id: moverId }), tableId },
        ]),
      });
      await mover.ok('presence.go', { to: { kind: 'lobby' } });
      await roomWatcher.ok('presence.go', { to: { kind: 'lobby' } });
    });

    it('chains each scope: every diff names the sequence number of the one before it', async () => {
      const watcher = await join('Sanna Seuraaja');
      await watcher.ok('presence.go', { to: { kind: 'room', roomId: otherRoomId } });
      const snapshot = await watcher.ok('presence.snapshot', { scope: `room:${otherRoomId}` });
      const movers = await Promise.all(['Eeva', 'Frans', 'Greta'].map((name) => join(name)));
      await Promise.all(
        movers.map((mover) =>
          mover.ok('presence.go', { to: { kind: 'room', roomId: otherRoomId } }),
        ),
      );
      await Promise.all(movers.map((mover) => mover.ok('presence.go', { to: { kind: 'lobby' } })));
      const sinceSnapshot = () => watcher.diffs.filter((diff) => diff.seq > snapshot.seq);
      await eventually(() => expect(sinceSnapshot()).toHaveLength(6));
      const ordered = sinceSnapshot().sort((a, b) => a.seq - b.seq);
      let previous = snapshot.seq;
      for (const diff of ordered) {
        expect(diff.prevSeq).toBe(previous);
        previous = diff.seq;
      }
      await watcher.ok('presence.go', { to: { kind: 'lobby' } });
    });

    it('refuses a seat at a full table and leaves the person where they were', async () => {
      const tableId = table(0);
      const sitters = await Promise.all(['Iida', 'Juho', 'Kaisa'].map((name) => join(name)));
      const results = await Promise.all(
        sitters.map((sitter) => sitter.request('presence.go', { to: { kind: 'table', tableId } })),
      );
      expect(results.filter((result) => result.ok)).toHaveLength(2);
      const refused = results.find((result) => !result.ok);
      expect(refused).toEqual({
        ok: false,
        error: { code: 'TABLE_FULL', message: expect.any(String) },
      });
      const loser = sitters.find((_, index) => results[index] === refused);
      expect(await loser?.ok('presence.self', {})).toEqual({
        location: { kind: 'lobby' },
        scope: 'lobby',
      });
      await Promise.all(
        sitters.map((sitter) => sitter.ok('presence.go', { to: { kind: 'lobby' } })),
      );
    });

    it('records a seat interval when a seat is taken and closes it when it is freed', async () => {
      const sitter = await join('Veera Väliaika');
      const tableId = table(1);
      const self = await sitter.ok('presence.self', {});
      expect(self.location.kind).toBe('lobby');
      const before = Date.now();
      await sitter.ok('presence.go', { to: { kind: 'table', tableId } });
      const registration = (await store.registrations.list(fairId)).find(
        (entry) => entry.profile.displayName === 'Veera Väliaika',
      );
      const mine = async () =>
        (await store.seatIntervals.list(fairId)).filter(
          (interval) => interval.registrationId === registration?.id,
        );
      expect(await mine()).toEqual([
        expect.objectContaining({ tableId, leftAt: null, joinedAt: expect.any(Date) }),
      ]);
      expect((await mine())[0]?.joinedAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
      await sitter.ok('presence.go', { to: { kind: 'room', roomId } });
      expect(await mine()).toEqual([
        expect.objectContaining({ tableId, leftAt: expect.any(Date) }),
      ]);
    });
  });

  describe('table rules', () => {
    it('applies a lock made through the API at once: the room hears it, newcomers are refused', async () => {
      const { fair: lockFair, organiserAccount } = await createFair(store);
      const cookie = await signInAs(store, organiserAccount.id);
      const lockRoom = await createRoom(store, lockFair.id);
      const lockTable = await store.tables.create(lockFair.id, lockRoom.id, {
        name: 'Lukittava',
        capacity: 4,
      });
      if (!lockTable) throw new Error('table not created');
      const seated = await connectPerson(
        node.url,
        await createPerson(store, lockFair.id, 'Sirkka Istuja'),
        lockFair.id,
      );
      const newcomer = await connectPerson(
        node.url,
        await createPerson(store, lockFair.id, 'Niilo Myöhässä'),
        lockFair.id,
      );
      clients.push(seated, newcomer);
      await seated.ok('presence.go', { to: { kind: 'table', tableId: lockTable.id } });

      const path = buildPath(apiRoutes.table, { fairId: lockFair.id, tableId: lockTable.id });
      const response = await fetch(`${node.url}${path}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ locked: true }),
      });
      expect(response.status).toBe(200);
      await eventually(() =>
        expect(seated.diffs.at(-1)?.change).toEqual({
          kind: 'table',
          table: { tableId: lockTable.id, capacity: 4, locked: true, closed: false },
        }),
      );
      expect(
        await newcomer.request('presence.go', { to: { kind: 'table', tableId: lockTable.id } }),
      ).toMatchObject({ ok: false, error: { code: 'TABLE_LOCKED' } });
      expect(await seated.ok('presence.self', {})).toMatchObject({
        location: { kind: 'table', tableId: lockTable.id },
      });
    });
    it('stands people up when their table is deleted, and sends them to the lobby when their room is', async () => {
      const { fair: editFair, organiserAccount } = await createFair(store);
      const cookie = await signInAs(store, organiserAccount.id);
      const editRoom = await createRoom(store, editFair.id);
      const doomed = await store.tables.create(editFair.id, editRoom.id, {
        name: 'Poistuva',
        capacity: 4,
      });
      if (!doomed) throw new Error('table not created');
      const sitter = await connectPerson(
        node.url,
        await createPerson(store, editFair.id, 'Selma Seisomaan'),
        editFair.id,
      );
      clients.push(sitter);
      await sitter.ok('presence.go', { to: { kind: 'table', tableId: doomed.id } });
      const remove = (path: string) =>
        fetch(`${node.url}${path}`, { method: 'DELETE', headers: { cookie } });

      const tablePath = buildPath(apiRoutes.table, { fairId: editFair.id, tableId: doomed.id });
      expect((await remove(tablePath)).status).toBe(204);
      const standing = {
        location: { kind: 'room', roomId: editRoom.id },
        scope: `room:${editRoom.id}`,
      };
      await eventually(() => expect(sitter.selves.at(-1)).toEqual(standing));
      expect(await sitter.ok('presence.self', {})).toEqual(standing);
      expect(await store.seatIntervals.list(editFair.id)).toEqual([
        expect.objectContaining({ tableId: doomed.id, leftAt: expect.any(Date) }),
      ]);

      const roomPath = buildPath(apiRoutes.room, { fairId: editFair.id, roomId: editRoom.id });
      expect((await remove(roomPath)).status).toBe(204);
      const inLobby = { location: { kind: 'lobby' }, scope: 'lobby' };
      await eventually(() => expect(sitter.selves.at(-1)).toEqual(inLobby));
    });
  });

  describe('refusing bad events', () => {
    it('answers malformed, oversized and unknown events with INVALID and changes nothing', async () => {
      const client = await join('Hanna Häiriö');
      const before = await client.ok('presence.snapshot', { scope: 'lobby' });
      const bad: [string, unknown][] = [
        ['presence.go', { to: { kind: 'table' } }],
        ['presence.go', { to: { kind: 'table', tableId: 'not-a-uuid' } }],
        ['presence.go', { to: { kind: 'room', roomId }, extra: true }],
        ['presence.go', 'room'],
        ['presence.go', null],
        ['presence.go', { to: { kind: 'room', roomId, padding: 'x'.repeat(10_000) } }],
        ['presence.snapshot', { scope: 'room:everything' }],
        ['presence.teleport', { to: { kind: 'room', roomId } }],
      ];
      for (const [event, payload] of bad) {
        const ack = (await client.socket.timeout(5000).emitWithAck(event, payload)) as unknown;
        expect(ack, `${event} ${JSON.stringify(payload).slice(0, 80)}`).toEqual({
          ok: false,
          error: { code: 'INVALID', message: expect.any(String) },
        });
      }
      expect(await client.ok('presence.self', {})).toEqual({
        location: { kind: 'lobby' },
        scope: 'lobby',
      });
      expect(await client.ok('presence.snapshot', { scope: 'lobby' })).toEqual(before);
    });

    it('does not let a participant move another person', async () => {
      const victim = await join('Olavi Omatahto');
      const victimId = (await store.registrations.list(fairId)).find(
        (entry) => entry.profile.displayName === 'Olavi Omatahto',
      )?.id;
      const intruder = await join('Iiro Isäntä');
      const ack = await intruder.socket
        .timeout(5000)
        .emitWithAck('presence.go', { to: { kind: 'room', roomId }, personId: victimId });
      expect(ack).toMatchObject({ ok: false, error: { code: 'INVALID' } });
      expect(await victim.ok('presence.self', {})).toEqual({
        location: { kind: 'lobby' },
        scope: 'lobby',
      });
    });

    it('refuses a table or room of another fair as not found', async () => {
      const { fair: otherFair } = await createFair(store);
      const foreignRoom = await createRoom(store, otherFair.id);
      const foreignTable = await store.tables.create(otherFair.id, foreignRoom.id, {
        name: 'Vieras',
        capacity: 6,
      });
      const client = await join('Rasmus Rajalla');
      for (const to of [
        { kind: 'room', roomId: foreignRoom.id },
        { kind: 'table', tableId: foreignTable?.id ?? '' },
      ] as const) {
        expect(await client.request('presence.go', { to })).toMatchObject({
          ok: false,
          error: { code: 'NOT_FOUND' },
        });
      }
      expect(
        await client.request('presence.snapshot', { scope: `room:${foreignRoom.id}` }),
      ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    });
  });

  describe('tabs', () => {
    it('lets a second tab take over: the first is told and closed, the seat stays', async () => {
      const person = await createPerson(store, fairId, 'Tuula Kaksi Välilehteä');
      const first = await connectPerson(node.url, person, fairId);
      clients.push(first);
      const tableId = table(1);
      await first.ok('presence.go', { to: { kind: 'table', tableId } });
      const disconnected = new Promise((resolve) => first.socket.once('disconnect', resolve));
      const second = await connectPerson(node.url, person, fairId);
      clients.push(second);
      expect(await disconnected).toBe('io server disconnect');
      expect(first.replaced).toBe(true);
      expect(second.selves[0]).toEqual({
        location: { kind: 'table', roomId, tableId },
        scope: `room:${roomId}`,
      });
      await second.ok('presence.go', { to: { kind: 'lobby' } });
    });
  });

  it('exposes connections, seats and events as metrics', async () => {
    const client = await join('Mirja Mittari');
    await client.ok('presence.go', { to: { kind: 'room', roomId } });
    await client.request('presence.go', { to: { kind: 'table', tableId: 'nope' } } as never);
    const text = await node.metrics.registry.metrics();
    expect(text).toMatch(/kohtaamo_socket_connections [1-9]/);
    expect(text).toMatch(/kohtaamo_socket_events_total\{event="presence.go",outcome="ok"\} [1-9]/);
    expect(text).toMatch(/kohtaamo_socket_events_total\{event="presence.go",outcome="INVALID"\}/);
    expect(text).toMatch(/kohtaamo_socket_ack_seconds_count\{event="presence.go"\} [1-9]/);
    expect(text).toContain('kohtaamo_seats_taken');
  });
});
