import type { ChatChannel, Location } from '@kohtaamo/protocol';
import { describe, expect, it } from 'vitest';
import { isInChannelPlace } from './chat-access';

const HOUSING = '00000000-0000-4000-8000-0000000000aa';
const HEALTH = '00000000-0000-4000-8000-0000000000bb';
const TABLE_1 = '00000000-0000-4000-8000-000000000001';
const TABLE_2 = '00000000-0000-4000-8000-000000000002';

const housingChat: ChatChannel = { kind: 'room', roomId: HOUSING };
const tableOneChat: ChatChannel = { kind: 'table', tableId: TABLE_1 };

describe('where a chat channel may be read from', () => {
  it('reads a room chat standing in the room or seated at one of its tables', () => {
    expect(isInChannelPlace({ kind: 'room', roomId: HOUSING }, housingChat)).toBe(true);
    const atTable: Location = { kind: 'table', roomId: HOUSING, tableId: TABLE_1 };
    expect(isInChannelPlace(atTable, housingChat)).toBe(true);
  });

  it('does not read a room chat before presence has one in that room', () => {
    expect(isInChannelPlace(null, housingChat)).toBe(false);
    expect(isInChannelPlace({ kind: 'lobby' }, housingChat)).toBe(false);
    expect(isInChannelPlace({ kind: 'stage' }, housingChat)).toBe(false);
    expect(isInChannelPlace({ kind: 'room', roomId: HEALTH }, housingChat)).toBe(false);
  });

  it('reads a table chat only seated at that table', () => {
    expect(
      isInChannelPlace({ kind: 'table', roomId: HOUSING, tableId: TABLE_1 }, tableOneChat),
    ).toBe(true);
    expect(
      isInChannelPlace({ kind: 'table', roomId: HOUSING, tableId: TABLE_2 }, tableOneChat),
    ).toBe(false);
    expect(isInChannelPlace({ kind: 'room', roomId: HOUSING }, tableOneChat)).toBe(false);
  });
});
