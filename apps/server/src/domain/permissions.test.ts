import { ROLES, type Role } from '@kohtaamo/protocol';
import { describe, expect, it } from 'vitest';
import {
  type Actor,
  FAIR_LIVE_ACTIONS,
  ROOM_ACTIONS,
  STAFF_ROLES,
  isAllowed,
  mayAct,
} from './permissions';

describe('fair permissions', () => {
  it('lets every registered role read the fair', () => {
    for (const role of ROLES) expect(isAllowed(role, 'fair.read')).toBe(true);
  });

  it('lets only organisers manage the fair', () => {
    const managers = ROLES.filter((role) => isAllowed(role, 'fair.manage'));
    expect(managers).toEqual(['organiser']);
  });

  it('names organisers, facilitators and speakers as staff, never participants', () => {
    expect([...STAFF_ROLES].sort()).toEqual(['facilitator', 'organiser', 'speaker']);
  });
});

describe('live permissions', () => {
  const roomA = 'room-a';
  const roomB = 'room-b';
  const actor = (role: Role, rooms: string[] = []): Actor => ({
    registrationId: 'r1',
    role,
    facilitatorRoomIds: rooms,
  });

  it('lets organisers take every action in every room and over the fair', () => {
    const organiser = actor('organiser');
    for (const action of [...ROOM_ACTIONS, ...FAIR_LIVE_ACTIONS]) {
      expect(mayAct(organiser, action, { kind: 'room', roomId: roomB })).toBe(true);
      expect(mayAct(organiser, action, { kind: 'fair' })).toBe(true);
    }
  });

  it('lets facilitators take room actions only in the rooms they are assigned to', () => {
    const facilitator = actor('facilitator', [roomA]);
    for (const action of ROOM_ACTIONS) {
      expect(mayAct(facilitator, action, { kind: 'room', roomId: roomA })).toBe(true);
      expect(mayAct(facilitator, action, { kind: 'room', roomId: roomB })).toBe(false);
      expect(mayAct(facilitator, action, { kind: 'fair' })).toBe(false);
    }
    for (const action of FAIR_LIVE_ACTIONS) {
      expect(mayAct(facilitator, action, { kind: 'room', roomId: roomA })).toBe(false);
      expect(mayAct(facilitator, action, { kind: 'fair' })).toBe(false);
    }
  });

  it('lets speakers and participants take no live action, even with rooms on record', () => {
    for (const role of ['speaker', 'participant'] as const) {
      for (const action of [...ROOM_ACTIONS, ...FAIR_LIVE_ACTIONS]) {
        expect(mayAct(actor(role, [roomA]), action, { kind: 'room', roomId: roomA })).toBe(false);
        expect(mayAct(actor(role, [roomA]), action, { kind: 'fair' })).toBe(false);
      }
    }
  });
});
