import { describe, expect, it } from 'vitest';
import type { PersonRef } from '@kohtaamo/protocol';
import type { Presence } from '../src/presence/types';
import {
  OWNER,
  T0_MS,
  atTable,
  inRoom,
  people,
  person,
  setUpFair,
  tableIn,
} from './presence-fixture';

export function describeRefusals(presence: () => Presence): void {
  describe('seating rules', () => {
    it('refuses the seventh person at a table of six', async () => {
      const fair = await setUpFair(presence());
      for (const who of people(6)) await fair.moved(who, atTable(fair.tableOne));
      expect(await fair.go(person(), atTable(fair.tableOne))).toEqual({
        ok: false,
        code: 'TABLE_FULL',
      });
    });

    it('refuses newcomers at a locked table but lets the seated stay', async () => {
      const fair = await setUpFair(presence());
      const aino = person();
      await fair.moved(aino, atTable(fair.tableOne));
      await presence().configureTables(fair.fairId, [{ ...fair.tableOne, locked: true }]);
      expect(await fair.go(person(), atTable(fair.tableOne))).toEqual({
        ok: false,
        code: 'TABLE_LOCKED',
      });
      const stay = await fair.go(aino, atTable(fair.tableOne), T0_MS + 1);
      expect(stay).toMatchObject({ ok: true, change: null });
    });

    it('seats a person through a lock that holds their seat, within capacity', async () => {
      const fair = await setUpFair(presence());
      const small = { ...fair.tableOne, capacity: 2 };
      await presence().configureTables(fair.fairId, [small]);
      const [aino, bo, cai] = people(3) as [PersonRef, PersonRef, PersonRef];
      await fair.moved(aino, atTable(small));
      await presence().configureTables(fair.fairId, [{ ...small, locked: true }]);
      const held = { fairId: fair.fairId, to: atTable(small), owner: OWNER, throughLock: true };
      const back = await presence().move({ ...held, person: bo, now: T0_MS + 1 });
      expect(back).toMatchObject({ ok: true, change: { to: atTable(small) } });
      expect(await fair.go(person(), atTable(small), T0_MS + 2)).toEqual({
        ok: false,
        code: 'TABLE_LOCKED',
      });
      const full = await presence().move({ ...held, person: cai, now: T0_MS + 3 });
      expect(full).toEqual({ ok: false, code: 'TABLE_FULL' });
      await presence().configureTables(fair.fairId, [{ ...small, locked: true, closed: true }]);
      const closed = await presence().move({ ...held, person: cai, now: T0_MS + 4 });
      expect(closed).toEqual({ ok: false, code: 'TABLE_CLOSED' });
    });

    it('refuses everyone at a closed table', async () => {
      const fair = await setUpFair(presence());
      const aino = person();
      await fair.moved(aino, atTable(fair.tableOne));
      await presence().configureTables(fair.fairId, [{ ...fair.tableOne, closed: true }]);
      expect(await fair.go(person(), atTable(fair.tableOne))).toEqual({
        ok: false,
        code: 'TABLE_CLOSED',
      });
      expect(await fair.go(aino, atTable(fair.tableOne))).toEqual({
        ok: false,
        code: 'TABLE_CLOSED',
      });
    });

    it('reports a table whose rules it was never told, or told under another room', async () => {
      const fair = await setUpFair(presence());
      const unknown = tableIn(fair.roomA);
      expect(await fair.go(person(), atTable(unknown))).toEqual({
        ok: false,
        code: 'TABLE_UNKNOWN',
      });
      const elsewhere = { ...atTable(fair.tableOne), roomId: fair.roomB };
      expect(await fair.go(person(), elsewhere)).toEqual({ ok: false, code: 'TABLE_UNKNOWN' });
    });

    it('changes nothing, not even the sequence, when it refuses a move', async () => {
      const fair = await setUpFair(presence());
      const seated = people(6);
      for (const who of seated) await fair.moved(who, atTable(fair.tableOne));
      const locked = { ...fair.tableTwo, locked: true };
      const closed = { ...fair.tableThree, closed: true };
      await presence().configureTables(fair.fairId, [locked, closed]);
      const hopeful = person();
      const lastSeq = (await fair.moved(hopeful, inRoom(fair.roomA))).seq;
      const before = await fair.everything();

      const attempts = [
        atTable(fair.tableOne),
        atTable(locked),
        atTable(closed),
        atTable(tableIn(fair.roomA)),
      ];
      for (const to of attempts) expect((await fair.go(hopeful, to, T0_MS + 1)).ok).toBe(false);

      expect(await fair.everything()).toEqual(before);
      expect((await presence().whereIs(fair.fairId, hopeful.id))?.location).toEqual(
        inRoom(fair.roomA),
      );
      // The next change follows the last one directly: no sequence number was used up.
      expect((await fair.moved(hopeful, inRoom(fair.roomB), T0_MS + 2)).seq).toBe(lastSeq + 1);
    });

    it('keeps everyone in one place: sitting at one table frees the seat at the other', async () => {
      const fair = await setUpFair(presence());
      const aino = person();
      await fair.moved(aino, atTable(fair.tableOne));
      const change = await fair.moved(aino, atTable(fair.tableThree));
      expect(change.from).toEqual(atTable(fair.tableOne));
      const { state: roomA } = await presence().room(fair.fairId, fair.roomA);
      const { state: roomB } = await presence().room(fair.fairId, fair.roomB);
      expect(roomA.members).toEqual([]);
      expect(roomB.members).toEqual([{ person: aino, tableId: fair.tableThree.tableId }]);
      // Six others still fit at table one: aino holds no seat there any more.
      for (const who of people(6)) await fair.moved(who, atTable(fair.tableOne));
    });

    it('seats exactly six of fifty people rushing a table of six at once', async () => {
      const fair = await setUpFair(presence());
      const crowd = people(50);
      const results = await Promise.all(
        crowd.map((who, i) => fair.go(who, atTable(fair.tableOne), T0_MS + (i % 7))),
      );
      expect(results.filter((result) => result.ok)).toHaveLength(6);
      const refusals = results.filter((result) => !result.ok);
      expect(refusals).toHaveLength(44);
      expect(refusals.every((result) => !result.ok && result.code === 'TABLE_FULL')).toBe(true);
      const { state } = await presence().room(fair.fairId, fair.roomA);
      expect(state.members).toHaveLength(6);
    });

    it('does not count expired seats towards a table’s capacity', async () => {
      const fair = await setUpFair(presence());
      for (const who of people(6)) await fair.moved(who, atTable(fair.tableOne), T0_MS);
      const later = T0_MS + 60_000;
      expect((await fair.go(person(), atTable(fair.tableOne), later)).ok).toBe(true);
    });

    it('uses the capacity each table is configured with', async () => {
      const fair = await setUpFair(presence());
      const pair = tableIn(fair.roomA, { capacity: 2 });
      await presence().configureTables(fair.fairId, [pair]);
      for (const who of people(2)) await fair.moved(who, atTable(pair));
      expect(await fair.go(person(), atTable(pair))).toEqual({ ok: false, code: 'TABLE_FULL' });
    });
  });
}
