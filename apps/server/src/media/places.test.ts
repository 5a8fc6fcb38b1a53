import { describe, expect, it } from 'vitest';
import { livekitRoomName, parseLivekitRoomName } from './places';

const fairId = '5f0c1a52-3c1e-4b8e-9a51-0f3b1c2d4e5f';
const tableId = '8d7e6f5a-4b3c-4d2e-8f1a-9b8c7d6e5f4a';

describe('LiveKit room names', () => {
  it('reads back the fair and place it was made from', () => {
    for (const place of [{ kind: 'table', tableId } as const, { kind: 'stage' } as const]) {
      expect(parseLivekitRoomName(livekitRoomName(fairId, place))).toEqual({ fairId, place });
    }
    expect(livekitRoomName(fairId, { kind: 'stage' })).toBe(`${fairId}.stage`);
  });

  it('ignores rooms that are not ours', () => {
    for (const name of [
      '',
      'lobby',
      `${fairId}`,
      `${fairId}.lobby`,
      `x.${tableId}`,
      `${fairId}.${tableId}.x`,
    ]) {
      expect(parseLivekitRoomName(name), name).toBeNull();
    }
  });
});
