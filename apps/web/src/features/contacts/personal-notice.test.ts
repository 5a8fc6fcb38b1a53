import type { ExchangeRequest } from '@kohtaamo/protocol';
import { describe, expect, it } from 'vitest';
import { personalNotice } from './personal-notice';

const person = (id: string, name: string) => ({
  id,
  name,
  organisation: 'Silta ry',
  organisationType: 'ngo' as const,
});

const request: ExchangeRequest = {
  id: '00000000-0000-4000-8000-000000000009',
  from: person('00000000-0000-4000-8000-000000000001', 'Leila'),
  to: person('00000000-0000-4000-8000-000000000002', 'Matti'),
  message: 'Hei!',
  status: 'pending',
  createdAt: '2021-03-10T10:00:00.000Z',
  answeredAt: null,
};

describe('personal notices', () => {
  it('names the asker of a new or withdrawn request', () => {
    expect(personalNotice({ kind: 'contactRequest', request })).toEqual({
      kind: 'contact',
      news: 'request',
      name: 'Leila',
    });
    const withdrawn = { ...request, status: 'withdrawn' as const };
    expect(personalNotice({ kind: 'contactWithdrawn', request: withdrawn })).toMatchObject({
      news: 'withdrawn',
      name: 'Leila',
    });
  });

  it('names the person who answered my request, and how', () => {
    const accepted = { ...request, status: 'accepted' as const };
    const declined = { ...request, status: 'declined' as const };
    expect(personalNotice({ kind: 'contactAnswered', request: accepted })).toMatchObject({
      news: 'accepted',
      name: 'Matti',
    });
    expect(personalNotice({ kind: 'contactAnswered', request: declined })).toMatchObject({
      news: 'declined',
      name: 'Matti',
    });
  });

  it('stays quiet when the list of people met changes', () => {
    const change = { newPeople: 2, newOrganisations: 1 };
    expect(personalNotice({ kind: 'meetingsChanged', change })).toBeNull();
  });
});
