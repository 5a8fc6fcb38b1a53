import type { ExchangeRequest } from '@kohtaamo/protocol';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '../../lib/api-contacts';
import {
  blockPerson,
  openContacts,
  receivePersonalEvent,
  resetContactsStore,
  useContactsStore,
} from './contacts-store';

vi.mock('../../lib/api-contacts');

const FAIR = '0b5e8a3c-7d2f-4e61-9c8b-5a4d3e2f1a00';
const ME = '00000000-0000-4000-8000-000000000001';
const person = (n: number, name: string) => ({
  id: `00000000-0000-4000-8000-00000000000${n}`,
  name,
  organisation: 'Silta ry',
  organisationType: 'ngo' as const,
});
const me = person(1, 'Minna');
const leila = person(2, 'Leila');

const request = (from: typeof me, to: typeof me, status: ExchangeRequest['status']) => ({
  id: '10000000-0000-4000-8000-000000000001',
  from,
  to,
  message: '',
  status,
  createdAt: '2021-03-10T10:00:00.000Z',
  answeredAt: null,
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const open = () => {
  const state = useContactsStore.getState().open;
  return state.status === 'ready' ? state.data : null;
};

beforeEach(async () => {
  vi.mocked(api.listExchanges).mockResolvedValue({ incoming: [], outgoing: [] });
  vi.mocked(api.listContacts).mockResolvedValue([]);
  vi.mocked(api.listBlocked).mockResolvedValue([]);
  vi.mocked(api.getPeopleIMet).mockResolvedValue({ newPeople: 0, newOrganisations: 0, people: [] });
  vi.mocked(api.block).mockResolvedValue();
  openContacts(FAIR, ME);
  await settle();
});

afterEach(() => {
  resetContactsStore();
  vi.resetAllMocks();
});

describe('contacts store', () => {
  it('shows a request heard in real time among those waiting for my answer', () => {
    receivePersonalEvent({ kind: 'contactRequest', request: request(leila, me, 'pending') });
    expect(open()?.incoming.map((item) => item.from.name)).toEqual(['Leila']);
  });

  it('loads the new contact card and the people met once my request is accepted', async () => {
    vi.mocked(api.listContacts).mockClear();
    vi.mocked(api.getPeopleIMet).mockClear();
    receivePersonalEvent({ kind: 'contactAnswered', request: request(me, leila, 'accepted') });
    await settle();
    expect(api.listContacts).toHaveBeenCalledWith(FAIR);
    expect(api.getPeopleIMet).toHaveBeenCalledWith(FAIR);
  });

  it('drops the requests of someone I block and lists them as blocked', async () => {
    receivePersonalEvent({ kind: 'contactRequest', request: request(leila, me, 'pending') });
    vi.mocked(api.listBlocked).mockResolvedValue([leila]);
    await blockPerson(leila);
    await settle();
    expect(open()?.incoming).toEqual([]);
    expect(useContactsStore.getState().blocked).toEqual({ status: 'ready', data: [leila] });
  });

  it('forgets the previous fair when another one opens', async () => {
    receivePersonalEvent({ kind: 'contactRequest', request: request(leila, me, 'pending') });
    let resolve: (value: { incoming: []; outgoing: [] }) => void = () => undefined;
    vi.mocked(api.listExchanges).mockReturnValue(new Promise((done) => (resolve = done)));
    openContacts('0b5e8a3c-7d2f-4e61-9c8b-5a4d3e2f1a01', ME);
    expect(useContactsStore.getState().open).toEqual({ status: 'loading' });
    resolve({ incoming: [], outgoing: [] });
    await settle();
    expect(open()).toEqual({ incoming: [], outgoing: [] });
  });
});
