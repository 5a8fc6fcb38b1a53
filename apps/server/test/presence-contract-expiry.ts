import { describe, expect, it } from 'vitest';
import type { Presence } from '../src/presence/types';
import {
  LOBBY,
  OWNER,
  STAGE,
  T0_MS,
  TTL_MS,
  atTable,
  inRoom,
  people,
  person,
  setUpFair,
} from './presence-fixture';

export function describeExpiry(presence: () => Presence): void {
  describe('expiry, heartbeats and ownership', () => {
    it('keeps a placement alive past its ttl while heartbeats arrive', async () => {
      const fair = await setUpFair(presence());
      const seated = people(6);
      for (const who of seated) await fair.moved(who, atTable(fair.tableOne), T0_MS);
      const ids = seated.map((who) => who.id);
      for (let beat = 1; beat <= 3; beat += 1) {
        const now = T0_MS + (beat * TTL_MS) / 2;
        expect(await presence().heartbeat(fair.fairId, ids, now)).toEqual([]);
      }
      const later = T0_MS + 2 * TTL_MS;
      expect(await presence().reap(later)).toEqual([]);
      expect(await fair.go(person(), atTable(fair.tableOne), later)).toEqual({
        ok: false,
        code: 'TABLE_FULL',
      });
    });

    it('reports the people a heartbeat finds unplaced or already expired', async () => {
      const fair = await setUpFair(presence());
      const [alive, lapsed] = people(2);
      if (!alive || !lapsed) throw new Error('two people');
      const stranger = person();
      await fair.moved(lapsed, inRoom(fair.roomA), T0_MS);
      await fair.moved(alive, inRoom(fair.roomA), T0_MS + TTL_MS);
      const ids = [alive.id, lapsed.id, stranger.id];
      const missing = await presence().heartbeat(fair.fairId, ids, T0_MS + TTL_MS + 1);
      expect(missing.sort()).toEqual([lapsed.id, stranger.id].sort());
      // An expired placement stays expired: the next reap removes it.
      const reaped = await presence().reap(T0_MS + TTL_MS + 2);
      expect(reaped.map((change) => change.person)).toEqual([lapsed]);
    });

    it('reaps expired placements in every fair, dated at their last heartbeat', async () => {
      const first = await setUpFair(presence());
      const second = await setUpFair(presence());
      const [aino, bertta, keeper] = people(3);
      if (!aino || !bertta || !keeper) throw new Error('three people');
      await first.moved(aino, atTable(first.tableOne), T0_MS);
      await first.moved(keeper, inRoom(first.roomA), T0_MS);
      await second.moved(bertta, STAGE, T0_MS);
      const lastBeat = T0_MS + 3_000;
      await presence().heartbeat(first.fairId, [aino.id], lastBeat);
      await presence().heartbeat(first.fairId, [keeper.id], T0_MS + TTL_MS - 1_000);

      const now = lastBeat + TTL_MS + 1;
      const reaped = await presence().reap(now);
      const byPerson = new Map(reaped.map((change) => [change.person.id, change]));
      expect(byPerson.size).toBe(2);
      expect(byPerson.get(aino.id)).toMatchObject({
        fairId: first.fairId,
        person: aino,
        from: atTable(first.tableOne),
        to: null,
        at: lastBeat,
        rooms: [{ roomId: first.roomA, count: 1, sample: [keeper] }],
        stageCount: 0,
      });
      expect(byPerson.get(aino.id)?.scopes.map((step) => step.scope)).toEqual([
        'lobby',
        `room:${first.roomA}`,
      ]);
      expect(byPerson.get(bertta.id)).toMatchObject({
        fairId: second.fairId,
        from: STAGE,
        to: null,
        at: T0_MS,
        rooms: [],
        stageCount: 0,
      });
      expect(await presence().whereIs(first.fairId, aino.id)).toBeNull();
      expect(await presence().whereIs(second.fairId, bertta.id)).toBeNull();
      expect((await presence().whereIs(first.fairId, keeper.id))?.location).toEqual(
        inRoom(first.roomA),
      );
      expect(await presence().reap(now)).toEqual([]);
    });

    it('does not reap a placement at the very moment it expires', async () => {
      const fair = await setUpFair(presence());
      await fair.moved(person(), LOBBY, T0_MS);
      expect(await presence().reap(T0_MS + TTL_MS)).toEqual([]);
      expect(await presence().reap(T0_MS + TTL_MS + 1)).toHaveLength(1);
    });

    it('releases a person only for the connection holding them', async () => {
      const fair = await setUpFair(presence());
      const aino = person();
      await fair.moved(aino, atTable(fair.tableOne));
      const before = await fair.everything();
      const release = { fairId: fair.fairId, personId: aino.id, now: T0_MS + 1 };
      expect(await presence().release({ ...release, owner: 'node-b:stale' })).toBeNull();
      expect(await fair.everything()).toEqual(before);

      const change = await presence().release({ ...release, owner: OWNER });
      expect(change).toMatchObject({
        person: aino,
        from: atTable(fair.tableOne),
        to: null,
        at: T0_MS + 1,
        rooms: [{ roomId: fair.roomA, count: 0, sample: [] }],
      });
      expect(await presence().whereIs(fair.fairId, aino.id)).toBeNull();
    });

    it('releases a person regardless of owner when no owner is given', async () => {
      const fair = await setUpFair(presence());
      const aino = person();
      await fair.moved(aino, STAGE);
      const change = await presence().release({ fairId: fair.fairId, personId: aino.id, now: 1 });
      expect(change).toMatchObject({ from: STAGE, to: null, stageCount: 0 });
    });

    it('lets a new connection adopt a placement, refreshing it', async () => {
      const fair = await setUpFair(presence());
      const aino = person();
      await fair.moved(aino, atTable(fair.tableOne), T0_MS);
      const adoptedAt = T0_MS + TTL_MS - 1;
      const adopted = await presence().adopt({
        fairId: fair.fairId,
        personId: aino.id,
        owner: 'node-b:socket-2',
        now: adoptedAt,
      });
      expect(adopted).toEqual({ location: atTable(fair.tableOne), owner: 'node-b:socket-2' });
      expect(await presence().reap(T0_MS + TTL_MS + 5)).toEqual([]);
      expect(await presence().whereIs(fair.fairId, aino.id)).toEqual(adopted);
      const stale = { fairId: fair.fairId, personId: aino.id, now: adoptedAt, owner: OWNER };
      expect(await presence().release(stale)).toBeNull();
    });

    it('adopts nobody who is not placed or whose placement expired', async () => {
      const fair = await setUpFair(presence());
      const aino = person();
      const adopt = (personId: string, now: number) =>
        presence().adopt({ fairId: fair.fairId, personId, owner: 'node-b:socket-3', now });
      expect(await adopt(aino.id, T0_MS)).toBeNull();
      await fair.moved(aino, inRoom(fair.roomA), T0_MS);
      expect(await adopt(aino.id, T0_MS + TTL_MS + 1)).toBeNull();
    });
  });
}
