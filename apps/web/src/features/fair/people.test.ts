import { describe, expect, it } from 'vitest';
import { knownNames, staffNames } from './people';

describe('people helpers', () => {
  it('maps registration ids to display names', () => {
    const staff = [
      { registrationId: 'f1', displayName: 'Fatima', organisation: 'Silta', role: 'facilitator' },
      { registrationId: 's1', displayName: 'Aino', organisation: 'Diak', role: 'speaker' },
    ] as const;
    expect(staffNames(staff).get('f1')).toBe('Fatima');
  });

  it('names the people it knows, in the given order', () => {
    const names = new Map([
      ['y', 'Yasmin'],
      ['z', 'Zaid'],
    ]);
    expect(knownNames(['z', 'x', 'y'], names)).toEqual(['Zaid', 'Yasmin']);
  });
});
