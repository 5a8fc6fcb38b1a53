import { PROTOCOL_VERSION } from '@kohtaamo/protocol';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Presence } from '../src/presence/types';
import { StoreUnavailableError } from '../src/store/errors';
import type { Store } from '../src/store/types';
import {
  connectPerson,
  createPerson,
  eventually,
  type LiveNode,
  openSocket,
  useLiveFair,
} from './live-harness';
import { presenceBackends } from './presence-backends';

const PRESENCE_TTL_MS = 1500;

describe.each(presenceBackends)(
  'live presence when something underneath fails ($name)',
  (backend) => {
    let failSeatWrites = false;
    /** The write commits, but its answer is lost with the connection. */
    let loseSeatWriteAnswers = false;
    const lost = () => new StoreUnavailableError(new Error('connection refused'));
    /** Runs once, inside the next ending of a seat, which then fails. */
    let failNextClose: (() => Promise<void>) | undefined;
    /** While set, taking over a place waits for it: the connection is still being placed. */
    let adoptGate: Promise<void> | undefined;
    const live = useLiveFair(backend, {
      presenceTtlMs: PRESENCE_TTL_MS,
      wrapPresence: (presence) => ({
        ...presence,
        adopt: async (input) => {
          await adoptGate;
          return presence.adopt(input);
        },
      }),
      // The same store, except that seat intervals can be made to fail as a lost database does.
      wrapStore: (store) => ({
        ...store,
        seatIntervals: {
          ...store.seatIntervals,
          open: async (input) => {
            if (failSeatWrites) throw lost();
            await store.seatIntervals.open(input);
            if (loseSeatWriteAnswers) throw lost();
          },
          close: async (input) => {
            const failing = failNextClose;
            failNextClose = undefined;
            if (!failing) return store.seatIntervals.close(input);
            await failing();
            throw lost();
          },
        },
      }),
      tables: [
        { name: 'Pöytä 1', capacity: 6 },
        { name: 'Kahden pöytä', capacity: 2 },
      ],
    });
    let store: Store;
    let presence: Presence;
    let node: LiveNode;
    let fairId: string;
    let roomId: string;
    let tableId: string;
    beforeAll(() => {
      ({ store, presence, node, fairId, roomId } = live);
      tableId = live.table(0);
    });

    it('does not give a seat it could not record: STORE_UNAVAILABLE, and the person stays put', async () => {
      const person = await createPerson(store, fairId, 'Tiina Tallentamaton');
      const client = await connectPerson(node.url, person, fairId);
      await client.ok('presence.go', { to: { kind: 'room', roomId } });
      failSeatWrites = true;
      try {
        expect(
          await client.request('presence.go', { to: { kind: 'table', tableId } }),
        ).toMatchObject({
          ok: false,
          error: { code: 'STORE_UNAVAILABLE' },
        });
      } finally {
        failSeatWrites = false;
      }
      expect(await client.ok('presence.self', {})).toEqual({
        location: { kind: 'room', roomId },
        scope: `room:${roomId}`,
      });
      const room = await client.ok('presence.snapshot', { scope: `room:${roomId}` });
      expect(room).toMatchObject({
        scopeKind: 'room',
        state: {
          members: [
            { person: expect.objectContaining({ id: person.registrationId }), tableId: null },
          ],
        },
      });
      expect(await store.seatIntervals.list(fairId)).toEqual([]);
      client.close();
    });

    it('leaves no seat interval open where the person does not sit when a seat write’s answer is lost', async () => {
      const person = await createPerson(store, fairId, 'Kaisa Katkennut');
      const client = await connectPerson(node.url, person, fairId);
      await client.ok('presence.go', { to: { kind: 'room', roomId } });
      loseSeatWriteAnswers = true;
      try {
        expect(
          await client.request('presence.go', { to: { kind: 'table', tableId } }),
        ).toMatchObject({ ok: false, error: { code: 'STORE_UNAVAILABLE' } });
      } finally {
        loseSeatWriteAnswers = false;
      }
      expect(await client.ok('presence.self', {})).toMatchObject({ location: { kind: 'room' } });
      const intervals = (await store.seatIntervals.list(fairId)).filter(
        (interval) => interval.registrationId === person.registrationId,
      );
      expect(intervals).toEqual([expect.objectContaining({ leftAt: expect.any(Date) })]);
      client.close();
    });

    it('ends the seat interval when leaving failed and the seat was taken meanwhile', async () => {
      const pair = live.table(1);
      const [person, other, third] = await Promise.all([
        createPerson(store, fairId, 'Leena Lähtijä'),
        createPerson(store, fairId, 'Otto Ottaja'),
        createPerson(store, fairId, 'Iida Istuja'),
      ]);
      const leaving = await connectPerson(node.url, person, fairId);
      const taking = await connectPerson(node.url, other, fairId);
      const sitting = await connectPerson(node.url, third, fairId);
      await leaving.ok('presence.go', { to: { kind: 'table', tableId: pair } });
      await sitting.ok('presence.go', { to: { kind: 'table', tableId: pair } });
      // While the store fails to end the seat, someone else sits down in it.
      failNextClose = async () => {
        await taking.ok('presence.go', { to: { kind: 'table', tableId: pair } });
      };
      expect(await leaving.request('presence.go', { to: { kind: 'room', roomId } })).toMatchObject({
        ok: false,
        error: { code: 'STORE_UNAVAILABLE' },
      });
      // The way back is taken, so the person lands in the lobby, and the seat they had ends.
      expect(await leaving.ok('presence.self', {})).toMatchObject({ location: { kind: 'lobby' } });
      await eventually(async () => {
        const intervals = (await store.seatIntervals.list(fairId)).filter(
          (interval) => interval.registrationId === person.registrationId,
        );
        expect(intervals).toEqual([expect.objectContaining({ leftAt: expect.any(Date) })]);
      });
      for (const client of [leaving, taking, sitting]) client.close();
    });

    it('keeps no place for a connection that ended while it was being placed', async () => {
      const person = await createPerson(store, fairId, 'Ville Viivästynyt');
      const first = await connectPerson(node.url, person, fairId);
      await first.ok('presence.go', { to: { kind: 'table', tableId } });
      let openGate: () => void = () => undefined;
      adoptGate = new Promise<void>((resolve) => (openGate = resolve));
      // A second tab takes over and is closed before the server has placed it.
      const second = openSocket(node.url, person.cookie, { fairId, protocol: PROTOCOL_VERSION });
      await new Promise<void>((resolve) => second.once('connect', () => resolve()));
      await eventually(() => expect(first.socket.connected).toBe(false));
      second.disconnect();
      await new Promise((resolve) => setTimeout(resolve, 100));
      openGate();
      adoptGate = undefined;

      // Nobody is connected, so the place expires and the reaper frees it and ends the interval.
      await eventually(async () => {
        expect(await presence.whereIs(fairId, person.registrationId)).toBeNull();
      }, PRESENCE_TTL_MS * 4);
      await new Promise((resolve) => setTimeout(resolve, PRESENCE_TTL_MS * 2));
      expect(await presence.whereIs(fairId, person.registrationId)).toBeNull();
      const intervals = (await store.seatIntervals.list(fairId)).filter(
        (interval) => interval.registrationId === person.registrationId,
      );
      expect(intervals).toEqual([expect.objectContaining({ leftAt: expect.any(Date) })]);
    });

    it('puts a connected person back when presence loses them, and tells them', async () => {
      const person = await createPerson(store, fairId, 'Paavo Palautettu');
      const client = await connectPerson(node.url, person, fairId);
      await client.ok('presence.go', { to: { kind: 'table', tableId } });
      const selvesBefore = client.selves.length;

      // As if Redis had restarted: the placement is gone, the connection is not.
      await presence.release({ fairId, personId: person.registrationId, now: Date.now() });
      expect(await presence.whereIs(fairId, person.registrationId)).toBeNull();

      await eventually(async () => {
        expect(await presence.whereIs(fairId, person.registrationId)).toMatchObject({
          location: { kind: 'table', tableId },
        });
      }, PRESENCE_TTL_MS * 3);
      await eventually(() => expect(client.selves.length).toBeGreaterThan(selvesBefore));
      expect(client.selves.at(-1)).toEqual({
        location: { kind: 'table', roomId, tableId },
        scope: `room:${roomId}`,
      });
      client.close();
    });
  },
);
