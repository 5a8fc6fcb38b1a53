import type { RoomOccupancy } from '@kohtaamo/protocol';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LOBBY_BATCH_MS, type LobbyDiff, lobbyBatcher } from '../src/realtime/fanout';

const LOBBY = 'lobby:fair-1';

function occupancy(roomId: string, count: number): RoomOccupancy {
  return { roomId, count, sample: [] };
}

function lobbyDiff(
  prevSeq: number,
  seq: number,
  rooms: RoomOccupancy[],
  stageCount = 0,
): LobbyDiff {
  return {
    scopeKind: 'lobby',
    scope: 'lobby',
    seq,
    prevSeq,
    change: { kind: 'occupancy', rooms, stageCount },
  };
}

describe('the lobby hears of room changes in batches', () => {
  let sent: LobbyDiff[];
  let send: ReturnType<typeof lobbyBatcher>;

  beforeEach(() => {
    vi.useFakeTimers();
    sent = [];
    send = lobbyBatcher((_room, diff) => sent.push(diff));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends a burst of moves as one diff with the latest count of each room', () => {
    send(LOBBY, lobbyDiff(3, 4, [occupancy('a', 1)]));
    send(LOBBY, lobbyDiff(4, 5, [occupancy('a', 0), occupancy('b', 1)]));
    send(LOBBY, lobbyDiff(5, 6, [occupancy('b', 2)], 1));
    expect(sent).toEqual([]);

    vi.advanceTimersByTime(LOBBY_BATCH_MS);
    expect(sent).toEqual([lobbyDiff(3, 6, [occupancy('a', 0), occupancy('b', 2)], 1)]);
  });

  it('does not merge across a change it did not see, so no client skips it', () => {
    send(LOBBY, lobbyDiff(3, 4, [occupancy('a', 1)]));
    // Seq 5 went to the lobby from another node.
    send(LOBBY, lobbyDiff(5, 6, [occupancy('b', 1)]));
    expect(sent).toEqual([lobbyDiff(3, 4, [occupancy('a', 1)])]);

    vi.advanceTimersByTime(LOBBY_BATCH_MS);
    expect(sent).toEqual([
      lobbyDiff(3, 4, [occupancy('a', 1)]),
      lobbyDiff(5, 6, [occupancy('b', 1)]),
    ]);
  });

  it('keeps the lobbies of different fairs apart', () => {
    const received: string[] = [];
    const sendTo = lobbyBatcher((room) => received.push(room));
    sendTo('lobby:fair-1', lobbyDiff(0, 1, [occupancy('a', 1)]));
    sendTo('lobby:fair-2', lobbyDiff(0, 1, [occupancy('x', 1)]));
    vi.advanceTimersByTime(LOBBY_BATCH_MS);
    expect(received.sort()).toEqual(['lobby:fair-1', 'lobby:fair-2']);
  });
});
