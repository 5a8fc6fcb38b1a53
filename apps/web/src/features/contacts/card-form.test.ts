import type { MyCard } from '@kohtaamo/protocol';
import { describe, expect, it } from 'vitest';
import { cardBodyOf, cardFormOf, revealedEntries, withShared } from './card-form';

const myCard: MyCard = {
  card: {
    name: 'Åsa Öberg',
    organisation: 'Kotoutumisen tuki ry',
    title: 'Koordinaattori',
    email: 'asa@example.fi',
    phone: '',
    website: '',
    languages: ['sv', 'fi'],
    cooperation: 'Työelämäpolut',
  },
  shared: ['name', 'organisation'],
  saved: false,
  updatedAt: null,
};

describe('card form', () => {
  it('gives back the card it was made from, with its sharing choices', () => {
    expect(cardBodyOf(cardFormOf(myCard))).toEqual({ card: myCard.card, shared: myCard.shared });
  });

  it('reads typed language codes and drops repeats', () => {
    const values = { ...cardFormOf(myCard), languages: 'SV, fi  ar,fi' };
    expect(cardBodyOf(values).card.languages).toEqual(['sv', 'fi', 'ar']);
  });

  it('keeps shared fields in the card order whatever order they were ticked in', () => {
    let shared = withShared([], 'email', true);
    shared = withShared(shared, 'name', true);
    shared = withShared(shared, 'languages', true);
    expect(shared).toEqual(['name', 'email', 'languages']);
    expect(withShared(shared, 'email', false)).toEqual(['name', 'languages']);
  });
});

describe('revealed card', () => {
  it('lists the shared fields that have a value, in card order, without the name', () => {
    expect(
      revealedEntries({
        name: 'Leila',
        cooperation: 'Asuminen',
        email: 'leila@example.fi',
        phone: '  ',
        languages: ['ar'],
      }),
    ).toEqual([
      { field: 'email', value: 'leila@example.fi' },
      { field: 'languages', value: ['ar'] },
      { field: 'cooperation', value: 'Asuminen' },
    ]);
  });

  it('shows nothing for a card with nothing shared', () => {
    expect(revealedEntries({})).toEqual([]);
  });
});
