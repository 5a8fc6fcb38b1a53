import type { HelpChanged, HelpRequest } from '@kohtaamo/protocol';
import { describe, expect, it } from 'vitest';
import { mineAfter, queueAfter } from './help-state';

const ROOM_A = '00000000-0000-4000-8000-0000000000aa';
const ROOM_B = '00000000-0000-4000-8000-0000000000bb';
const person = (n: number, name: string) => ({
  id: `00000000-0000-4000-8000-00000000000${n}`,
  name,
  organisation: 'Silta ry',
});
const aino = person(1, 'Aino');
const bertta = person(2, 'Bertta');
const fiia = person(3, 'Fiia');

const hand = (n: number, who: typeof aino, minute: number, roomId = ROOM_A): HelpRequest => ({
  id: `20000000-0000-4000-8000-00000000000${n}`,
  roomId,
  person: who,
  note: '',
  raisedAt: `2026-05-12T09:0${minute}:00.000Z`,
});

const change = (
  request: HelpRequest,
  state: HelpChanged['state'],
  by: HelpChanged['by'] = null,
): HelpChanged => ({ request, state, by });

describe('a room’s help queue', () => {
  it('lines hands up by how long they have waited', () => {
    const late = hand(1, aino, 5);
    const early = hand(2, bertta, 1);
    const queue = queueAfter(
      queueAfter([], ROOM_A, change(late, 'open')),
      ROOM_A,
      change(early, 'open'),
    );
    expect(queue).toEqual([early, late]);
  });

  it('updates a hand raised again and drops resolved, cancelled and moved hands', () => {
    const first = hand(1, aino, 1);
    const other = hand(2, bertta, 2);
    const queue = [first, other];
    const renoted = { ...first, note: 'Ääni ei kuulu' };
    expect(queueAfter(queue, ROOM_A, change(renoted, 'open'))).toEqual([renoted, other]);
    expect(queueAfter(queue, ROOM_A, change(first, 'resolved', fiia))).toEqual([other]);
    expect(queueAfter(queue, ROOM_A, change(other, 'cancelled'))).toEqual([first]);
    expect(queueAfter(queue, ROOM_A, change({ ...first, roomId: ROOM_B }, 'open'))).toEqual([
      other,
    ]);
  });

  it('ignores hands of other rooms', () => {
    expect(queueAfter([], ROOM_A, change(hand(1, aino, 1, ROOM_B), 'open'))).toEqual([]);
  });
});

describe('my own raised hand', () => {
  it('follows changes about me and ignores everyone else’s', () => {
    const mine = hand(1, aino, 1);
    expect(mineAfter(null, aino.id, change(mine, 'open'))).toEqual(mine);
    expect(mineAfter(mine, aino.id, change(hand(2, bertta, 2), 'open'))).toEqual(mine);
    expect(mineAfter(mine, aino.id, change(mine, 'resolved', fiia))).toBeNull();
    expect(mineAfter(mine, aino.id, change(mine, 'cancelled'))).toBeNull();
  });
});
