import { randomUUID } from 'node:crypto';
import type { Scope } from '@kohtaamo/protocol';
import { describe, expect, it } from 'vitest';
import type { Presence, ScopeStep } from '../src/presence/types';
import {
  LOBBY,
  STAGE,
  T0_MS,
  TTL_MS,
  atTable,
  inRoom,
  people,
  person,
  setUpFair,
  tableIn,
} from './presence-fixture';

/** What a client following every scope sees: each diff's seq and the scopes it went to. */
class DiffLog {
  readonly lastSeqOf = new Map<Scope, number>();
  private lastSeq = 0;

  record(seq: number, scopes: readonly ScopeStep[]): void {
    expect(seq).toBeGreaterThan(this.lastSeq);
    this.lastSeq = seq;
    for (const { scope, prevSeq } of scopes) {
      expect(prevSeq, `prevSeq of ${scope}`).toBe(this.lastSeqOf.get(scope) ?? 0);
      this.lastSeqOf.set(scope, seq);
    }
  }
}

export function describeSequence(presence: () => Presence): void {
  describe('sequence numbers and snapshots', () => {
    it('numbers changes in strictly increasing order and chains each scope to its last diff', async () => {
      const fair = await setUpFair(presence());
      const log = new DiffLog();
      const crowd = people(4);
      const places = [
        LOBBY,
        inRoom(fair.roomA),
        atTable(fair.tableOne),
        STAGE,
        atTable(fair.tableThree),
        atTable(fair.tableTwo),
        inRoom(fair.roomB),
      ];
      let now = T0_MS;
      // Everyone visits every place, each starting somewhere else.
      for (let step = 0; step < places.length; step += 1) {
        for (const [i, who] of crowd.entries()) {
          const to = places[(step + i) % places.length];
          if (!to) continue;
          now += 1;
          const result = await fair.go(who, to, now);
          expect(result.ok).toBe(true);
          if (result.ok && result.change) log.record(result.change.seq, result.change.scopes);
        }
      }
      const [lockedTable] = await presence().configureTables(fair.fairId, [
        { ...fair.tableOne, locked: true },
      ]);
      if (!lockedTable) throw new Error('locking a known table is a change');
      log.record(lockedTable.seq, [{ scope: `room:${fair.roomA}`, prevSeq: lockedTable.prevSeq }]);

      const [leaver, lapsed] = crowd;
      if (!leaver || !lapsed) throw new Error('a crowd');
      const released = await presence().release({
        fairId: fair.fairId,
        personId: leaver.id,
        now,
      });
      if (!released) throw new Error('the leaver was placed');
      log.record(released.seq, released.scopes);
      const others = crowd.filter((who) => who !== leaver && who !== lapsed).map((who) => who.id);
      await presence().heartbeat(fair.fairId, others, now + TTL_MS / 2);
      const reaped = await presence().reap(now + TTL_MS + 1);
      expect(reaped.map((change) => change.person)).toEqual([lapsed]);
      for (const change of reaped) log.record(change.seq, change.scopes);

      // Snapshots continue exactly where the last diff of their scope left off.
      const { lobby, roomA, roomB } = await fair.everything();
      expect(lobby.seq).toBe(log.lastSeqOf.get('lobby'));
      expect(roomA.seq).toBe(log.lastSeqOf.get(`room:${fair.roomA}`));
      expect(roomB.seq).toBe(log.lastSeqOf.get(`room:${fair.roomB}`));
    });

    it('gives a snapshot of a scope nobody changed the sequence number zero', async () => {
      const fair = await setUpFair(presence());
      await fair.moved(person(), LOBBY);
      const quiet = randomUUID();
      expect(await presence().room(fair.fairId, quiet)).toEqual({
        seq: 0,
        state: { roomId: quiet, members: [], tables: [] },
      });
      expect(await presence().lobby(fair.fairId, [quiet])).toEqual({
        seq: 0,
        state: { rooms: [{ roomId: quiet, count: 0, sample: [] }], stageCount: 0 },
      });
    });

    it('reports changed rules only for tables it already knew', async () => {
      const fair = await setUpFair(presence());
      const fresh = tableIn(fair.roomB);
      expect(await presence().configureTables(fair.fairId, [fresh])).toEqual([]);
      expect(await presence().configureTables(fair.fairId, [fresh, fair.tableOne])).toEqual([]);
      const sat = await fair.moved(person(), atTable(fresh));

      const smaller = { ...fresh, capacity: 4 };
      const changes = await presence().configureTables(fair.fairId, [
        fair.tableOne,
        smaller,
        tableIn(fair.roomB),
      ]);
      const { roomId: _room, ...table } = smaller;
      expect(changes).toEqual([
        {
          fairId: fair.fairId,
          roomId: fair.roomB,
          table,
          seq: sat.seq + 1,
          prevSeq: sat.seq,
        },
      ]);
      const { seq, state } = await presence().room(fair.fairId, fair.roomB);
      expect(seq).toBe(sat.seq + 1);
      expect(state.tables.find((each) => each.tableId === fresh.tableId)).toEqual(table);
    });

    it('keeps fairs apart, even with the same people and tables', async () => {
      const first = await setUpFair(presence());
      const secondFairId = randomUUID();
      await presence().configureTables(secondFairId, [first.tableOne]);
      for (const who of people(6)) await first.moved(who, atTable(first.tableOne));
      const aino = person();
      await first.moved(aino, STAGE);

      const move = { person: aino, to: atTable(first.tableOne), owner: 'node-b:s', now: T0_MS };
      const inSecond = await presence().move({ ...move, fairId: secondFairId });
      expect(inSecond).toMatchObject({ ok: true, change: { seq: 1, from: null } });
      expect((await presence().whereIs(first.fairId, aino.id))?.location).toEqual(STAGE);
      expect((await presence().lobby(secondFairId, [first.roomA])).state).toEqual({
        rooms: [{ roomId: first.roomA, count: 1, sample: [aino] }],
        stageCount: 0,
      });
      expect((await presence().lobby(first.fairId, [first.roomA])).state.stageCount).toBe(1);
    });
  });
}
