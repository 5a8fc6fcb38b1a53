import { beforeAll, describe, expect, it } from 'vitest';
import type { Presence } from '../src/presence/types';
import { StoreUnavailableError } from '../src/store/errors';
import type { Store } from '../src/store/types';
import {
  connectPerson,
  createPerson,
  eventually,
  type LiveNode,
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
    const live = useLiveFair(backend, {
      presenceTtlMs: PRESENCE_TTL_MS,
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
        },
      }),
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
