import { describe, expect, it } from 'vitest';
import { runsRoom } from './room-staff';

const ROOM_A = '00000000-0000-4000-8000-0000000000aa';
const ROOM_B = '00000000-0000-4000-8000-0000000000bb';

describe('who runs a room', () => {
  it('is every organiser and the facilitators assigned to that room', () => {
    expect(runsRoom({ role: 'organiser', facilitatorRoomIds: [] }, ROOM_A)).toBe(true);
    expect(runsRoom({ role: 'facilitator', facilitatorRoomIds: [ROOM_A] }, ROOM_A)).toBe(true);
  });

  it('is not a facilitator of another room, a speaker or a participant', () => {
    expect(runsRoom({ role: 'facilitator', facilitatorRoomIds: [ROOM_B] }, ROOM_A)).toBe(false);
    expect(runsRoom({ role: 'speaker', facilitatorRoomIds: [ROOM_A] }, ROOM_A)).toBe(false);
    expect(runsRoom({ role: 'participant', facilitatorRoomIds: [] }, ROOM_A)).toBe(false);
  });
});
