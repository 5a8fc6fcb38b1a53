import type { ExchangeRequest } from '@kohtaamo/protocol';
import { describe, expect, it } from 'vitest';
import { applyExchange, exchangeStateOf, NO_OPEN_EXCHANGES } from './exchanges';

const ME = '00000000-0000-4000-8000-000000000001';
const LEILA = '00000000-0000-4000-8000-000000000002';
const MATTI = '00000000-0000-4000-8000-000000000003';

const person = (id: string) => ({
  id,
  name: id === LEILA ? 'Leila' : 'Matti',
  organisation: 'Silta ry',
  organisationType: 'ngo' as const,
});

function request(
  id: string,
  from: string,
  to: string,
  status: ExchangeRequest['status'] = 'pending',
): ExchangeRequest {
  return {
    id,
    from: { ...person(from), name: from === ME ? 'Me' : person(from).name },
    to: { ...person(to), name: to === ME ? 'Me' : person(to).name },
    message: '',
    status,
    createdAt: '2021-03-10T10:00:00.000Z',
    answeredAt: null,
  };
}

const ids = (requests: ExchangeRequest[]) => requests.map((item) => item.id);

describe('open exchanges', () => {
  it('puts a request to me among the incoming and mine among the outgoing, newest first', () => {
    let open = applyExchange(NO_OPEN_EXCHANGES, request('a', LEILA, ME), ME);
    open = applyExchange(open, request('b', MATTI, ME), ME);
    open = applyExchange(open, request('c', ME, LEILA), ME);
    expect(ids(open.incoming)).toEqual(['b', 'a']);
    expect(ids(open.outgoing)).toEqual(['c']);
  });

  it('keeps one copy of a request heard twice', () => {
    let open = applyExchange(NO_OPEN_EXCHANGES, request('a', LEILA, ME), ME);
    open = applyExchange(open, request('a', LEILA, ME), ME);
    expect(ids(open.incoming)).toEqual(['a']);
  });

  it('closes a request once it is declined or withdrawn', () => {
    let open = applyExchange(NO_OPEN_EXCHANGES, request('a', LEILA, ME), ME);
    open = applyExchange(open, request('c', ME, MATTI), ME);
    open = applyExchange(open, request('a', LEILA, ME, 'withdrawn'), ME);
    open = applyExchange(open, request('c', ME, MATTI, 'declined'), ME);
    expect(open).toEqual(NO_OPEN_EXCHANGES);
  });

  it('closes their request to me when my asking them back made us contacts', () => {
    let open = applyExchange(NO_OPEN_EXCHANGES, request('a', LEILA, ME), ME);
    open = applyExchange(open, request('b', MATTI, ME), ME);
    open = applyExchange(open, request('c', ME, LEILA, 'accepted'), ME);
    expect(ids(open.incoming)).toEqual(['b']);
  });
});

describe('exchange state of a person', () => {
  const loaded = {
    open: applyExchange(NO_OPEN_EXCHANGES, request('a', LEILA, ME), ME),
    contactIds: new Set<string>(),
    blockedIds: new Set<string>(),
  };

  it('tells who asked me and whom I asked from what this client has heard', () => {
    expect(exchangeStateOf(LEILA, loaded)).toBe('asked_me');
    const asked = { ...loaded, open: applyExchange(loaded.open, request('c', ME, MATTI), ME) };
    expect(exchangeStateOf(MATTI, asked, 'none')).toBe('asked_by_me');
  });

  it('prefers being contacts over an open request, and blocked over the state a list gave', () => {
    expect(exchangeStateOf(LEILA, { ...loaded, contactIds: new Set([LEILA]) })).toBe('contacts');
    expect(exchangeStateOf(MATTI, { ...loaded, blockedIds: new Set([MATTI]) }, 'none')).toBe(
      'blocked',
    );
  });

  it('forgets an answered request the list still shows once the open ones have loaded', () => {
    expect(exchangeStateOf(MATTI, loaded, 'asked_by_me')).toBe('none');
    expect(exchangeStateOf(MATTI, loaded, 'declined')).toBe('declined');
  });

  it('trusts the list while nothing has loaded yet', () => {
    const nothing = { open: null, contactIds: null, blockedIds: null };
    expect(exchangeStateOf(MATTI, nothing, 'contacts')).toBe('contacts');
  });
});
