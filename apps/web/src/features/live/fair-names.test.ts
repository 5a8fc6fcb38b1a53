import { describe, expect, it } from 'vitest';
import { housing } from '../moderation/moderation-fixtures';
import { fairNames } from './fair-names';

describe('names of the fair’s rooms and tables', () => {
  it('names a room in the chosen language', () => {
    expect(fairNames([housing], 'fi').room(housing.id)).toBe('Asuminen');
    expect(fairNames([housing], 'en').room(housing.id)).toBe('Housing');
  });

  it('falls back to another language when the room has no name in the chosen one', () => {
    // The organisers named Housing in Finnish and English only.
    expect(fairNames([housing], 'sv').room(housing.id)).toBe('Asuminen');
    const englishOnly = { ...housing, names: { en: 'Housing' } };
    expect(fairNames([englishOnly], 'sv').room(housing.id)).toBe('Housing');
  });

  it('keeps table names as the organisers wrote them, in every language', () => {
    const table = housing.tables[0]!;
    expect(fairNames([housing], 'sv').table(table.id)).toBe('Table 1');
  });

  it('knows nothing of a room or table that is not in the fair', () => {
    const names = fairNames([housing], 'en');
    expect(names.room('missing')).toBeUndefined();
    expect(names.table('missing')).toBeUndefined();
  });
});
