import { type Self, lobbyStateOf, roomStateOf } from '@kohtaamo/protocol';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeSockets, type FakeSocket } from '../../lib/realtime/fake-socket';
import { resetConnectionStore, useConnectionStore } from './connection-store';
import {
  configureLiveSession,
  GAP_WAIT_MS,
  goTo,
  reconnectLive,
  startLive,
  stopLiveNow,
  wishPlace,
} from './live-session';
import { resetNoticeStore, useNoticeStore } from './notice-store';
import {
  aino,
  lobbyDiff,
  lobbySnapshot,
  occupancy,
  omar,
  ROOM_A,
  ROOM_A_SCOPE,
  roomSnapshot,
  TABLE_1,
} from '@kohtaamo/protocol/fixtures';
import { resetPresenceStore, usePresenceStore } from './presence-store';

const FAIR_ID = '0b5e8a3c-7d2f-4e61-9c8b-5a4d3e2f1a00';
const inLobby: Self = { location: { kind: 'lobby' }, scope: 'lobby' };
const onStage: Self = { location: { kind: 'stage' }, scope: 'lobby' };
const inRoomA: Self = { location: { kind: 'room', roomId: ROOM_A }, scope: ROOM_A_SCOPE };
const atTable1: Self = {
  location: { kind: 'table', roomId: ROOM_A, tableId: TABLE_1 },
  scope: ROOM_A_SCOPE,
};

let fake: ReturnType<typeof fakeSockets>;

/** A server that places the person at `self`, moves them on go and answers snapshots. */
function serve(socket: FakeSocket, start: Self, lobbySeq = 10): { self: Self } {
  const server = { self: start };
  socket
    .answer('presence.self', () => ({ ok: true, data: server.self }))
    .answer('presence.go', (payload) => {
      const { to } = payload as { to: { kind: string } };
      const places: Record<string, Self> = { lobby: inLobby, stage: onStage, table: atTable1 };
      server.self = places[to.kind] ?? inRoomA;
      return { ok: true, data: server.self };
    })
    .answer('presence.snapshot', (payload) => {
      const { scope } = payload as { scope: string };
      const snapshot =
        scope === 'lobby'
          ? lobbySnapshot(lobbySeq, [occupancy(ROOM_A, [omar])])
          : roomSnapshot(20, { members: [{ person: omar, tableId: TABLE_1 }] });
      return { ok: true, data: snapshot };
    });
  return server;
}

async function connect(start: Self = inLobby, lobbySeq = 10) {
  startLive(FAIR_ID);
  const socket = fake.latest();
  const server = serve(socket, start, lobbySeq);
  socket.open();
  await vi.advanceTimersByTimeAsync(0);
  return { socket, server };
}

const sync = () => usePresenceStore.getState().sync;
const countInA = () => lobbyStateOf(sync())?.rooms[0]?.count;

beforeEach(() => {
  vi.useFakeTimers();
  fake = fakeSockets();
  configureLiveSession({ openSocket: fake.open });
});

afterEach(() => {
  wishPlace(null);
  stopLiveNow();
  resetPresenceStore();
  resetConnectionStore();
  resetNoticeStore();
  vi.useRealTimers();
});

describe('live session', () => {
  it('asks where the person is on connecting and loads their scope', async () => {
    const { socket } = await connect();
    expect(useConnectionStore.getState().status).toEqual({ kind: 'connected' });
    expect(usePresenceStore.getState().self).toEqual(inLobby);
    expect(socket.sentEvents('presence.snapshot')).toEqual([{ scope: 'lobby' }]);
    expect(countInA()).toBe(1);
  });

  it('fetches a snapshot when a missing diff has not arrived after the wait', async () => {
    const { socket } = await connect();
    socket.push('presence.diff', lobbyDiff(11, 12, [occupancy(ROOM_A, [omar, aino])]));
    await vi.advanceTimersByTimeAsync(GAP_WAIT_MS - 1);
    expect(socket.sentEvents('presence.snapshot')).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(socket.sentEvents('presence.snapshot')).toHaveLength(2);
  });

  it('needs no snapshot when the missing diff arrives within the wait', async () => {
    const { socket } = await connect();
    socket.push('presence.diff', lobbyDiff(11, 12, [occupancy(ROOM_A, [omar, aino])]));
    await vi.advanceTimersByTimeAsync(100);
    socket.push('presence.diff', lobbyDiff(10, 11, [occupancy(ROOM_A, [])]));
    await vi.advanceTimersByTimeAsync(GAP_WAIT_MS * 2);
    expect(socket.sentEvents('presence.snapshot')).toHaveLength(1);
    expect(countInA()).toBe(2);
  });

  it('takes the person into the room the page shows and loads the room', async () => {
    const { socket } = await connect();
    wishPlace({ kind: 'room', roomId: ROOM_A });
    await vi.advanceTimersByTimeAsync(0);
    expect(socket.sentEvents('presence.go')).toEqual([{ to: { kind: 'room', roomId: ROOM_A } }]);
    expect(usePresenceStore.getState().self).toEqual(inRoomA);
    expect(socket.sentEvents('presence.snapshot')).toContainEqual({ scope: ROOM_A_SCOPE });
    expect(roomStateOf(sync(), ROOM_A)?.members).toHaveLength(1);
    expect(sync().scopes['lobby']).toBeUndefined();
  });

  it('leaves a person seated at one of the room’s tables where they are', async () => {
    const { socket } = await connect(atTable1);
    wishPlace({ kind: 'room', roomId: ROOM_A });
    await vi.advanceTimersByTimeAsync(0);
    expect(socket.sentEvents('presence.go')).toEqual([]);
  });

  it('keeps a wish the page made before the connection started', async () => {
    wishPlace({ kind: 'room', roomId: ROOM_A });
    const { socket } = await connect();
    expect(socket.sentEvents('presence.go')).toEqual([{ to: { kind: 'room', roomId: ROOM_A } }]);
  });

  it('takes a person who asked for the stage there once connected', async () => {
    wishPlace({ kind: 'stage' });
    const { socket } = await connect(inRoomA);
    expect(socket.sentEvents('presence.go')).toEqual([{ to: { kind: 'stage' } }]);
    expect(usePresenceStore.getState().self).toEqual(onStage);
  });

  it('ends on the stage when asked for it while a move into a room is on its way', async () => {
    const { socket } = await connect();
    wishPlace({ kind: 'room', roomId: ROOM_A });
    wishPlace({ kind: 'stage' });
    await vi.advanceTimersByTimeAsync(0);
    expect(socket.sentEvents('presence.go')).toEqual([
      { to: { kind: 'room', roomId: ROOM_A } },
      { to: { kind: 'stage' } },
    ]);
    expect(usePresenceStore.getState().self).toEqual(onStage);
  });

  it('waits until it knows where the person is before moving them', async () => {
    startLive(FAIR_ID);
    const socket = fake.latest();
    serve(socket, atTable1);
    wishPlace({ kind: 'room', roomId: ROOM_A });
    socket.open();
    await vi.advanceTimersByTimeAsync(0);
    expect(socket.sentEvents('presence.go')).toEqual([]);
  });

  it('takes a person who opens the fair anew back to the table presence kept for them', async () => {
    wishPlace({ kind: 'lobby' });
    const { socket } = await connect(atTable1);
    expect(socket.sentEvents('presence.go')).toEqual([]);
    expect(usePresenceStore.getState().moved).toMatchObject({ location: atTable1.location });
    expect(useNoticeStore.getState().notice).toMatchObject({
      kind: 'returned',
      location: atTable1.location,
    });
  });

  it('keeps the returning person in their room until they ask for the lobby themselves', async () => {
    wishPlace({ kind: 'lobby' });
    const { socket } = await connect(inRoomA);
    // The lobby page closes and the room page opens; a reconnection does not pull them out.
    wishPlace(null);
    wishPlace({ kind: 'room', roomId: ROOM_A });
    socket.drop();
    socket.open();
    await vi.advanceTimersByTimeAsync(0);
    expect(socket.sentEvents('presence.go')).toEqual([]);
    wishPlace({ kind: 'lobby' });
    await vi.advanceTimersByTimeAsync(0);
    expect(socket.sentEvents('presence.go')).toEqual([{ to: { kind: 'lobby' } }]);
  });

  it('takes a person into the lobby asked for later in a visit that began without a wish', async () => {
    const { socket } = await connect(atTable1);
    wishPlace({ kind: 'lobby' });
    await vi.advanceTimersByTimeAsync(0);
    expect(socket.sentEvents('presence.go')).toEqual([{ to: { kind: 'lobby' } }]);
  });

  it('moves a person into the lobby on a later reconnection of the same visit', async () => {
    const { socket, server } = await connect(inLobby);
    wishPlace({ kind: 'lobby' });
    socket.drop();
    // Meanwhile a facilitator's move put them in a room without the page following it.
    server.self = inRoomA;
    socket.open();
    await vi.advanceTimersByTimeAsync(0);
    expect(socket.sentEvents('presence.go')).toEqual([{ to: { kind: 'lobby' } }]);
    expect(useNoticeStore.getState().notice?.kind).not.toBe('returned');
  });

  it('makes the move again when the connection came back while its answer was on the way', async () => {
    const { socket, server } = await connect(inLobby);
    let loseAnswer: (err: Error) => void = () => undefined;
    socket.answer('presence.go', () => new Promise((_resolve, reject) => (loseAnswer = reject)));
    wishPlace({ kind: 'room', roomId: ROOM_A });
    await vi.advanceTimersByTimeAsync(0);
    // The connection drops with the move unanswered (the server never ran it) and is back
    // before the client has given up on the answer.
    socket.drop();
    serve(socket, server.self);
    socket.open();
    await vi.advanceTimersByTimeAsync(0);
    loseAnswer(new Error('operation has timed out'));
    await vi.advanceTimersByTimeAsync(0);
    expect(socket.sentEvents('presence.go')).toEqual([
      { to: { kind: 'room', roomId: ROOM_A } },
      { to: { kind: 'room', roomId: ROOM_A } },
    ]);
    expect(usePresenceStore.getState().self).toEqual(inRoomA);
  });

  it('announces a refused seat and leaves the place as it was', async () => {
    const { socket } = await connect(inRoomA);
    const error = { code: 'TABLE_FULL', message: 'The table is full' };
    socket.answer('presence.go', () => ({ ok: false, error }));
    const result = await goTo({ kind: 'table', tableId: TABLE_1 });
    expect(result).toEqual({ ok: false, error });
    expect(useNoticeStore.getState().notice).toMatchObject({ kind: 'error', code: 'TABLE_FULL' });
    expect(usePresenceStore.getState().self).toEqual(inRoomA);
  });

  it('announces a seat taken on request', async () => {
    await connect(inRoomA);
    const done = { kind: 'done', action: 'sit', roomId: ROOM_A, tableId: TABLE_1 } as const;
    await goTo({ kind: 'table', tableId: TABLE_1 }, done);
    expect(usePresenceStore.getState().self).toEqual(atTable1);
    expect(useNoticeStore.getState().notice).toMatchObject(done);
  });

  it('does not take the place a new connection was given for a move', async () => {
    startLive(FAIR_ID);
    const socket = fake.latest();
    serve(socket, inRoomA);
    socket.open();
    socket.push('presence.self', inRoomA);
    await vi.advanceTimersByTimeAsync(0);
    expect(usePresenceStore.getState()).toMatchObject({ self: inRoomA, moved: null });
    expect(useNoticeStore.getState().notice).toBeNull();
  });

  it('records and announces a move the server made, but not a repeat of the same place', async () => {
    const { socket } = await connect(atTable1);
    socket.push('presence.self', atTable1);
    expect(usePresenceStore.getState().moved).toBeNull();

    socket.push('presence.self', inRoomA);
    expect(usePresenceStore.getState().moved).toMatchObject({ location: inRoomA.location });
    expect(useNoticeStore.getState().notice).toMatchObject({
      kind: 'moved',
      location: inRoomA.location,
      previous: atTable1.location,
    });
  });

  it('loads the scope again after reconnecting', async () => {
    const { socket } = await connect();
    socket.drop();
    expect(useConnectionStore.getState().status).toEqual({ kind: 'reconnecting' });
    socket.open();
    await vi.advanceTimersByTimeAsync(0);
    expect(socket.sentEvents('presence.self')).toHaveLength(2);
    expect(socket.sentEvents('presence.snapshot')).toHaveLength(2);
  });

  it('stays closed after another tab takes over, and takes the fair back when asked', async () => {
    const { socket } = await connect();
    socket.push('session.replaced');
    expect(useConnectionStore.getState().status).toEqual({ kind: 'replaced' });
    reconnectLive();
    expect(fake.sockets).toHaveLength(2);
    expect(useConnectionStore.getState().status).toEqual({ kind: 'connecting' });
  });

  it('tries a failed snapshot again after a pause', async () => {
    startLive(FAIR_ID);
    const socket = fake.latest();
    serve(socket, inLobby);
    const unavailable = { ok: false, error: { code: 'STORE_UNAVAILABLE', message: 'Try again' } };
    socket.answer('presence.snapshot', () => unavailable);
    socket.open();
    await vi.advanceTimersByTimeAsync(0);
    expect(lobbyStateOf(sync())).toBeNull();
    serve(socket, inLobby);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(countInA()).toBe(1);
  });
});
