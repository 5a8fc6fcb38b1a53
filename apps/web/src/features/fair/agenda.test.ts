import { describe, expect, it } from 'vitest';
import { roomNameOf, sortByStart } from './agenda';

describe('agenda helpers', () => {
  it('orders items by start, keeping the order of items that start together', () => {
    const items = [
      { id: 'b', startsAt: '2021-03-10T10:00:00+02:00' },
      { id: 'a', startsAt: '2021-03-10T07:30:00Z' },
      { id: 'c', startsAt: '2021-03-10T08:00:00Z' },
    ];
    expect(sortByStart(items).map((item) => item.id)).toEqual(['a', 'b', 'c']);
  });

  it('names the room of an item in the reader’s language, the stage as undefined', () => {
    const rooms = [{ id: 'r1', names: { fi: 'Asuminen', sv: 'Boende' } }];
    expect(roomNameOf({ kind: 'room', roomId: 'r1' }, rooms, 'sv')).toBe('Boende');
    expect(roomNameOf({ kind: 'room', roomId: 'r1' }, rooms, 'en')).toBe('Asuminen');
    expect(roomNameOf({ kind: 'stage' }, rooms, 'fi')).toBeUndefined();
  });
});
