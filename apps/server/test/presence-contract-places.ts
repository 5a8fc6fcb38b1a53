import { ROOM_SAMPLE_SIZE } from '@kohtaamo/protocol';
import { describe, expect, it } from 'vitest';
import {
  LOBBY,
  OWNER,
  STAGE,
  T0_MS,
  atTable,
  inRoom,
  people,
  person,
  setUpFair,
} from './presence-fixture';
import type { Presence } from '../src/presence/types';

export function describePlaces(presence: () => Presence): void {
  describe('going places', () => {
    it('places a person arriving in the lobby without telling any scope', async () => {
      const fair = await setUpFair(presence());
      const aino = person();
      const change = await fair.moved(aino, LOBBY);
      expect(change).toEqual({
        fairId: fair.fairId,
        person: aino,
        from: null,
        to: LOBBY,
        seq: 1,
        scopes: [],
        rooms: [],
        stageCount: 0,
        at: T0_MS,
      });
      expect(await presence().whereIs(fair.fairId, aino.id)).toEqual({
        location: LOBBY,
        owner: OWNER,
      });
    });

    it('tells the lobby and the room when someone enters a room, with its count and sample', async () => {
      const fair = await setUpFair(presence());
      const aino = person();
      await fair.moved(aino, LOBBY);
      const change = await fair.moved(aino, inRoom(fair.roomA), T0_MS + 5);
      expect(change.from).toEqual(LOBBY);
      expect(change.scopes).toEqual([
        { scope: 'lobby', prevSeq: 0 },
        { scope: `room:${fair.roomA}`, prevSeq: 0 },
      ]);
      expect(change.rooms).toEqual([{ roomId: fair.roomA, count: 1, sample: [aino] }]);
      expect(change.at).toBe(T0_MS + 5);
    });

    it('tells only the room when someone sits down or changes tables within it', async () => {
      const fair = await setUpFair(presence());
      const aino = person();
      await fair.moved(aino, inRoom(fair.roomA));
      const sat = await fair.moved(aino, atTable(fair.tableOne));
      expect(sat.scopes.map((step) => step.scope)).toEqual([`room:${fair.roomA}`]);
      expect(sat.rooms).toEqual([]);
      const switched = await fair.moved(aino, atTable(fair.tableTwo));
      expect(switched.from).toEqual(atTable(fair.tableOne));
      expect(switched.scopes.map((step) => step.scope)).toEqual([`room:${fair.roomA}`]);
    });

    it('tells the room left and the room entered, once each, and the lobby', async () => {
      const fair = await setUpFair(presence());
      const [aino, bertta] = people(2);
      if (!aino || !bertta) throw new Error('two people');
      await fair.moved(bertta, atTable(fair.tableThree));
      await fair.moved(aino, atTable(fair.tableOne));
      const change = await fair.moved(aino, inRoom(fair.roomB), T0_MS + 10);
      expect(change.scopes.map((step) => step.scope)).toEqual([
        'lobby',
        `room:${fair.roomA}`,
        `room:${fair.roomB}`,
      ]);
      expect(change.rooms).toEqual([
        { roomId: fair.roomA, count: 0, sample: [] },
        { roomId: fair.roomB, count: 2, sample: [bertta, aino] },
      ]);
    });

    it('counts the stage audience and tells the lobby when it changes', async () => {
      const fair = await setUpFair(presence());
      const [aino, bertta] = people(2);
      if (!aino || !bertta) throw new Error('two people');
      const first = await fair.moved(aino, STAGE);
      expect(first.scopes.map((step) => step.scope)).toEqual(['lobby']);
      expect(first.stageCount).toBe(1);
      expect((await fair.moved(bertta, STAGE)).stageCount).toBe(2);
      const left = await fair.moved(aino, inRoom(fair.roomA));
      expect(left.scopes.map((step) => step.scope)).toEqual(['lobby', `room:${fair.roomA}`]);
      expect(left.stageCount).toBe(1);
      expect((await presence().lobby(fair.fairId, [fair.roomA])).state).toEqual({
        rooms: [{ roomId: fair.roomA, count: 1, sample: [aino] }],
        stageCount: 1,
      });
    });

    it('samples the first people to enter a room, and keeps their order across its tables', async () => {
      const fair = await setUpFair(presence());
      const crowd = people(ROOM_SAMPLE_SIZE + 2);
      for (const [i, who] of crowd.entries()) await fair.moved(who, inRoom(fair.roomA), T0_MS + i);
      const [first] = crowd;
      if (!first) throw new Error('a crowd');
      const sampleOf = async () =>
        (await presence().lobby(fair.fairId, [fair.roomA])).state.rooms[0]?.sample;

      expect(await sampleOf()).toEqual(crowd.slice(0, ROOM_SAMPLE_SIZE));
      await fair.moved(first, atTable(fair.tableOne), T0_MS + 100);
      await fair.moved(first, atTable(fair.tableTwo), T0_MS + 101);
      expect(await sampleOf()).toEqual(crowd.slice(0, ROOM_SAMPLE_SIZE));

      // Leaving the room and coming back puts one at the end of the queue.
      await fair.moved(first, LOBBY, T0_MS + 102);
      const back = await fair.moved(first, inRoom(fair.roomA), T0_MS + 103);
      expect(back.rooms[0]?.sample).toEqual(crowd.slice(1, ROOM_SAMPLE_SIZE + 1));
      expect(back.rooms[0]?.count).toBe(crowd.length);
    });

    it('orders people who entered a room at the same moment by id', async () => {
      const fair = await setUpFair(presence());
      const trio = people(3);
      for (const who of trio) await fair.moved(who, inRoom(fair.roomA), T0_MS);
      const byId = [...trio].sort((a, b) => (a.id < b.id ? -1 : 1));
      const { state } = await presence().room(fair.fairId, fair.roomA);
      expect(state.members.map((member) => member.person)).toEqual(byId);
    });

    it('shows a room with who is in it, at which table, and its tables', async () => {
      const fair = await setUpFair(presence());
      const [aino, bertta] = people(2);
      if (!aino || !bertta) throw new Error('two people');
      await fair.moved(aino, inRoom(fair.roomA), T0_MS);
      await fair.moved(bertta, atTable(fair.tableTwo), T0_MS + 1);
      const { state } = await presence().room(fair.fairId, fair.roomA);
      expect(state.roomId).toBe(fair.roomA);
      expect(state.members).toEqual([
        { person: aino, tableId: null },
        { person: bertta, tableId: fair.tableTwo.tableId },
      ]);
      const { roomId: _room, ...one } = fair.tableOne;
      const { roomId: _same, ...two } = fair.tableTwo;
      expect(state.tables).toEqual([one, two].sort((a, b) => (a.tableId < b.tableId ? -1 : 1)));
    });

    it('changes nothing but the owner when someone goes where they already are', async () => {
      const fair = await setUpFair(presence());
      const aino = person();
      await fair.moved(aino, atTable(fair.tableOne));
      const before = await fair.everything();
      const again = await fair.go(aino, atTable(fair.tableOne), T0_MS + 1, 'node-b:socket-9');
      expect(again).toEqual({
        ok: true,
        change: null,
        placement: { location: atTable(fair.tableOne), owner: 'node-b:socket-9' },
      });
      expect(await fair.everything()).toEqual(before);
      expect((await presence().whereIs(fair.fairId, aino.id))?.owner).toBe('node-b:socket-9');
    });

    it('knows nothing of people who never arrived', async () => {
      const fair = await setUpFair(presence());
      expect(await presence().whereIs(fair.fairId, person().id)).toBeNull();
      expect(
        await presence().release({ fairId: fair.fairId, personId: person().id, now: T0_MS }),
      ).toBeNull();
    });
  });
}
