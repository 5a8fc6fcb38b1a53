import { describe, expect, it } from 'vitest';
import {
  aino,
  lobbyDiff,
  lobbySnapshot,
  memberAt,
  memberLeft,
  occupancy,
  omar,
  ROOM_A,
  ROOM_A_SCOPE,
  ROOM_B,
  roomDiff,
  roomSnapshot,
  sara,
  table,
  TABLE_1,
  TABLE_2,
} from './presence-fixtures';
import {
  EMPTY_SYNC,
  lobbyStateOf,
  nextResyncAtMs,
  presenceReducer,
  roomStateOf,
  scopesToResync,
  type PresenceAction,
  type PresenceSync,
} from './presence-sync';

const WAIT_MS = 300;

function run(actions: PresenceAction[], start: PresenceSync = EMPTY_SYNC): PresenceSync {
  return actions.reduce(presenceReducer, start);
}

/** Following the lobby with a snapshot at `seq` in which room A is empty. */
function lobbyAt(seq: number): PresenceSync {
  return run([
    { type: 'follow', scopes: ['lobby'] },
    { type: 'snapshot', snapshot: lobbySnapshot(seq, [occupancy(ROOM_A, [])]), nowMs: 0 },
  ]);
}

const diff = (nowMs: number, d: ReturnType<typeof lobbyDiff>): PresenceAction => ({
  type: 'diff',
  diff: d,
  nowMs,
});

const countInA = (sync: PresenceSync) =>
  lobbyStateOf(sync)?.rooms.find((room) => room.roomId === ROOM_A)?.count;

describe('presence reducer: ordering', () => {
  it('applies diffs that continue the chain, one after another', () => {
    const sync = run(
      [
        diff(1, lobbyDiff(10, 11, [occupancy(ROOM_A, [aino])], 1)),
        diff(2, lobbyDiff(11, 12, [occupancy(ROOM_A, [aino, omar])], 2)),
      ],
      lobbyAt(10),
    );
    expect(sync.scopes['lobby']?.seq).toBe(12);
    expect(lobbyStateOf(sync)).toEqual({ rooms: [occupancy(ROOM_A, [aino, omar])], stageCount: 2 });
  });

  it('ignores a diff it has already applied, returning the same state', () => {
    const once = run([diff(1, lobbyDiff(10, 11, [occupancy(ROOM_A, [aino])]))], lobbyAt(10));
    const twice = presenceReducer(once, diff(2, lobbyDiff(10, 11, [occupancy(ROOM_A, [])])));
    expect(twice).toBe(once);
    expect(countInA(twice)).toBe(1);
  });

  it('waits for a missing diff and applies both in order when it arrives', () => {
    const early = run([diff(5, lobbyDiff(11, 12, [occupancy(ROOM_A, [aino, omar])]))], lobbyAt(10));
    expect(countInA(early)).toBe(0);
    expect(early.scopes['lobby']?.pending).toHaveLength(1);

    const complete = presenceReducer(
      early,
      diff(40, lobbyDiff(10, 11, [occupancy(ROOM_A, [aino])])),
    );
    expect(complete.scopes['lobby']).toMatchObject({ seq: 12, pending: [], gapSinceMs: null });
    expect(countInA(complete)).toBe(2);
  });

  it('keeps one copy of a diff that arrives twice while waiting', () => {
    const early = lobbyDiff(11, 12, [occupancy(ROOM_A, [aino])]);
    const sync = run([diff(1, early), diff(2, early)], lobbyAt(10));
    expect(sync.scopes['lobby']?.pending).toEqual([early]);
  });
});

describe('presence reducer: gaps and snapshots', () => {
  it('reports a hole that outlasts the wait as needing a snapshot', () => {
    const sync = run([diff(1_000, lobbyDiff(11, 12, [occupancy(ROOM_A, [aino])]))], lobbyAt(10));
    expect(nextResyncAtMs(sync, WAIT_MS)).toBe(1_300);
    expect(scopesToResync(sync, 1_299, WAIT_MS)).toEqual([]);
    expect(scopesToResync(sync, 1_300, WAIT_MS)).toEqual(['lobby']);
  });

  it('counts the wait from the first diff that found the hole', () => {
    const sync = run(
      [
        diff(1_000, lobbyDiff(11, 12, [occupancy(ROOM_A, [aino])])),
        diff(1_200, lobbyDiff(12, 13, [occupancy(ROOM_A, [aino, omar])])),
      ],
      lobbyAt(10),
    );
    expect(scopesToResync(sync, 1_300, WAIT_MS)).toEqual(['lobby']);
  });

  it('does not wait on a hole while a snapshot is on its way', () => {
    const sync = run(
      [
        { type: 'snapshotRequested', scope: 'lobby' },
        diff(1_000, lobbyDiff(11, 12, [occupancy(ROOM_A, [aino])])),
      ],
      lobbyAt(10),
    );
    expect(sync.scopes['lobby']).toMatchObject({ loading: true, gapSinceMs: null });
    expect(nextResyncAtMs(sync, WAIT_MS)).toBeNull();
  });

  it('takes a snapshot as the new state and re-applies the waiting diffs newer than it', () => {
    const sync = run(
      [
        diff(1, lobbyDiff(11, 12, [occupancy(ROOM_A, [aino])])),
        diff(2, lobbyDiff(14, 15, [occupancy(ROOM_A, [aino, omar, sara])], 3)),
        { type: 'snapshotRequested', scope: 'lobby' },
        {
          type: 'snapshot',
          snapshot: lobbySnapshot(14, [occupancy(ROOM_A, [aino, omar])], 1),
          nowMs: 400,
        },
      ],
      lobbyAt(10),
    );
    expect(sync.scopes['lobby']).toMatchObject({
      seq: 15,
      pending: [],
      loading: false,
      gapSinceMs: null,
    });
    expect(lobbyStateOf(sync)).toEqual({
      rooms: [occupancy(ROOM_A, [aino, omar, sara])],
      stageCount: 3,
    });
  });

  it('keeps waiting on diffs that do not continue from the snapshot', () => {
    const sync = run(
      [
        diff(1, lobbyDiff(20, 21, [occupancy(ROOM_A, [aino])])),
        { type: 'snapshot', snapshot: lobbySnapshot(14, [occupancy(ROOM_A, [])]), nowMs: 500 },
      ],
      lobbyAt(10),
    );
    expect(sync.scopes['lobby']).toMatchObject({ seq: 14, gapSinceMs: 500 });
    expect(sync.scopes['lobby']?.pending).toHaveLength(1);
  });

  it('continues from a snapshot numbered after the scope’s last diff', () => {
    // The fair-wide number moved on through other scopes: the next lobby diff names 12 as its
    // predecessor, which the snapshot at 14 already contains.
    const sync = run([diff(1, lobbyDiff(12, 17, [occupancy(ROOM_A, [omar])]))], lobbyAt(14));
    expect(sync.scopes['lobby']?.seq).toBe(17);
    expect(countInA(sync)).toBe(1);
  });

  it('holds diffs that arrive before the first snapshot, then applies the newer ones', () => {
    const sync = run([
      { type: 'follow', scopes: ['lobby'] },
      { type: 'snapshotRequested', scope: 'lobby' },
      diff(1, lobbyDiff(9, 10, [occupancy(ROOM_A, [aino])])),
      diff(2, lobbyDiff(10, 11, [occupancy(ROOM_A, [aino, omar])])),
      { type: 'snapshot', snapshot: lobbySnapshot(10, [occupancy(ROOM_A, [aino])]), nowMs: 3 },
    ]);
    expect(sync.scopes['lobby']).toMatchObject({ seq: 11, pending: [] });
    expect(countInA(sync)).toBe(2);
  });

  it('ignores diffs and snapshots of scopes it does not follow', () => {
    const sync = lobbyAt(10);
    expect(
      presenceReducer(sync, { type: 'diff', diff: roomDiff(1, 2, memberAt(aino, null)), nowMs: 0 }),
    ).toBe(sync);
    expect(presenceReducer(sync, { type: 'snapshot', snapshot: roomSnapshot(3), nowMs: 0 })).toBe(
      sync,
    );
  });

  it('forgets the scopes it stops following', () => {
    const sync = run([{ type: 'follow', scopes: [ROOM_A_SCOPE] }], lobbyAt(10));
    expect(Object.keys(sync.scopes)).toEqual([ROOM_A_SCOPE]);
    expect(sync.scopes[ROOM_A_SCOPE]).toMatchObject({ seq: null, view: null });
  });
});

describe('presence reducer: lobby changes', () => {
  it('replaces the changed rooms’ occupancy and keeps the others', () => {
    const sync = run([
      { type: 'follow', scopes: ['lobby'] },
      {
        type: 'snapshot',
        snapshot: lobbySnapshot(1, [occupancy(ROOM_A, [aino]), occupancy(ROOM_B, [omar])], 4),
        nowMs: 0,
      },
      diff(1, lobbyDiff(1, 2, [occupancy(ROOM_B, [omar, sara])], 5)),
    ]);
    expect(lobbyStateOf(sync)).toEqual({
      rooms: [occupancy(ROOM_A, [aino]), occupancy(ROOM_B, [omar, sara])],
      stageCount: 5,
    });
  });
});

describe('presence reducer: room changes', () => {
  const inRoom = (seq: number) =>
    run([
      { type: 'follow', scopes: [ROOM_A_SCOPE] },
      {
        type: 'snapshot',
        snapshot: roomSnapshot(seq, { members: [{ person: omar, tableId: TABLE_1 }] }),
        nowMs: 0,
      },
    ]);
  const change = (d: ReturnType<typeof roomDiff>): PresenceAction => ({
    type: 'diff',
    diff: d,
    nowMs: 0,
  });

  it('moves a member from standing to a table, to another table, and out of the room', () => {
    const standing = run([change(roomDiff(5, 6, memberAt(aino, null)))], inRoom(5));
    expect(roomStateOf(standing, ROOM_A)?.members).toEqual([
      { person: omar, tableId: TABLE_1 },
      { person: aino, tableId: null },
    ]);

    const seated = run([change(roomDiff(6, 7, memberAt(aino, TABLE_1)))], standing);
    const moved = run([change(roomDiff(7, 8, memberAt(aino, TABLE_2)))], seated);
    expect(roomStateOf(moved, ROOM_A)?.members).toEqual([
      { person: omar, tableId: TABLE_1 },
      { person: aino, tableId: TABLE_2 },
    ]);

    const left = run([change(roomDiff(8, 9, memberLeft(omar)))], moved);
    expect(roomStateOf(left, ROOM_A)?.members).toEqual([{ person: aino, tableId: TABLE_2 }]);
  });

  it('changes a table’s rules', () => {
    const locked = table(TABLE_2, 4, { locked: true });
    const sync = run([change(roomDiff(5, 6, { kind: 'table', table: locked }))], inRoom(5));
    expect(roomStateOf(sync, ROOM_A)?.tables).toEqual([table(TABLE_1), locked]);
  });

  it('gives no room state for a room it does not follow', () => {
    expect(roomStateOf(inRoom(5), ROOM_B)).toBeNull();
  });
});
