import { ROLES } from '@kohtaamo/protocol';
import { describe, expect, it } from 'vitest';
import { STAFF_ROLES, isAllowed } from './permissions';

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
