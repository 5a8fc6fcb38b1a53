/**
 * What the person knows about their own exchanges, contacts, blocks and the people they met in
 * one fair, loaded over REST and kept current by the live connection's personal events.
 * React-free: components read the store and call these actions.
 */
import type {
  Contact,
  ContactPerson,
  ExchangeRequest,
  PeopleIMetResponse,
} from '@kohtaamo/protocol';
import { create } from 'zustand';
import type { Resource } from '../../hooks/use-resource';
import * as api from '../../lib/api-contacts';
import type { PersonalEvent } from '../../lib/realtime/client';
import { applyExchange, type ExchangeKnowledge, type OpenExchanges } from './exchanges';

interface ContactsState {
  fairId: string | null;
  meId: string | null;
  open: Resource<OpenExchanges>;
  contacts: Resource<Contact[]>;
  blocked: Resource<ContactPerson[]>;
  met: Resource<PeopleIMetResponse>;
}

const LOADING = { status: 'loading' } as const;
const initialState: ContactsState = {
  fairId: null,
  meId: null,
  open: LOADING,
  contacts: LOADING,
  blocked: LOADING,
  met: LOADING,
};

export const useContactsStore = create<ContactsState>()(() => initialState);

type Part = 'open' | 'contacts' | 'blocked' | 'met';
type DataOf<P extends Part> = ContactsState[P] extends Resource<infer T> ? T : never;

/**
 * Loads one part. Data already shown stays while it reloads and when a reload fails (it was
 * right a moment ago); an answer for a fair no longer open is dropped.
 */
async function load<P extends Part>(part: P, fetch: (fairId: string) => Promise<DataOf<P>>) {
  const { fairId } = useContactsStore.getState();
  if (!fairId) return;
  try {
    const data = await fetch(fairId);
    if (useContactsStore.getState().fairId !== fairId) return;
    useContactsStore.setState({ [part]: { status: 'ready', data } });
  } catch (error) {
    const state = useContactsStore.getState();
    if (state.fairId !== fairId || state[part].status === 'ready') return;
    useContactsStore.setState({ [part]: { status: 'error', error } });
  }
}

export const reloadOpenExchanges = () => load('open', api.listExchanges);
export const reloadContacts = () => load('contacts', api.listContacts);
export const reloadBlocked = () => load('blocked', api.listBlocked);
export const reloadPeopleIMet = () => load('met', api.getPeopleIMet);

/** A part shown as loading again, for "try again" after an error. */
export function retry(part: Part): void {
  useContactsStore.setState({ [part]: LOADING });
  const reloads = {
    open: reloadOpenExchanges,
    contacts: reloadContacts,
    blocked: reloadBlocked,
    met: reloadPeopleIMet,
  };
  void reloads[part]();
}

/** Loads everything for a fair; opening the same fair again refreshes what is shown. */
export function openContacts(fairId: string, meId: string): void {
  if (useContactsStore.getState().fairId !== fairId) {
    useContactsStore.setState({ ...initialState, fairId, meId }, true);
  }
  void reloadOpenExchanges();
  void reloadContacts();
  void reloadBlocked();
  void reloadPeopleIMet();
}

function updateOpen(request: ExchangeRequest): void {
  useContactsStore.setState((state) => {
    if (state.open.status !== 'ready' || !state.meId) return state;
    return { open: { status: 'ready', data: applyExchange(state.open.data, request, state.meId) } };
  });
}

/** After an accepted exchange the new contact's card is there to read, and a meeting too. */
function afterAccepted(request: ExchangeRequest): void {
  if (request.status !== 'accepted') return;
  void reloadContacts();
  void reloadPeopleIMet();
}

export async function askForCard(personId: string, message: string): Promise<ExchangeRequest> {
  const { fairId } = useContactsStore.getState();
  if (!fairId) throw new Error('No fair open');
  const request = await api.askExchange(fairId, { personId, message });
  updateOpen(request);
  afterAccepted(request);
  return request;
}

export async function answerRequest(
  request: ExchangeRequest,
  accept: boolean,
): Promise<ExchangeRequest> {
  const { fairId } = useContactsStore.getState();
  if (!fairId) throw new Error('No fair open');
  const answered = await api.answerExchange(fairId, request.id, {
    answer: accept ? 'accept' : 'decline',
  });
  updateOpen(answered);
  afterAccepted(answered);
  return answered;
}

export async function withdrawRequest(request: ExchangeRequest): Promise<void> {
  const { fairId } = useContactsStore.getState();
  if (!fairId) throw new Error('No fair open');
  await api.withdrawExchange(fairId, request.id);
  updateOpen({ ...request, status: 'withdrawn' });
}

/** Blocking also withdraws their open requests to me, on the server and here. */
export async function blockPerson(person: ContactPerson): Promise<void> {
  const { fairId } = useContactsStore.getState();
  if (!fairId) throw new Error('No fair open');
  await api.block(fairId, person.id);
  useContactsStore.setState((state) => ({
    blocked:
      state.blocked.status === 'ready'
        ? { status: 'ready', data: [...state.blocked.data, person] }
        : state.blocked,
    open:
      state.open.status === 'ready'
        ? {
            status: 'ready',
            data: {
              ...state.open.data,
              incoming: state.open.data.incoming.filter((item) => item.from.id !== person.id),
            },
          }
        : state.open,
  }));
  void reloadBlocked();
}

export async function unblockPerson(personId: string): Promise<void> {
  const { fairId } = useContactsStore.getState();
  if (!fairId) throw new Error('No fair open');
  await api.unblock(fairId, personId);
  useContactsStore.setState((state) =>
    state.blocked.status === 'ready'
      ? {
          blocked: {
            status: 'ready',
            data: state.blocked.data.filter((person) => person.id !== personId),
          },
        }
      : state,
  );
}

export async function saveNote(personId: string, note: string): Promise<void> {
  const { fairId } = useContactsStore.getState();
  if (!fairId) throw new Error('No fair open');
  await api.putContactNote(fairId, personId, { note });
  useContactsStore.setState((state) =>
    state.contacts.status === 'ready'
      ? {
          contacts: {
            status: 'ready',
            data: state.contacts.data.map((contact) =>
              contact.person.id === personId ? { ...contact, note } : contact,
            ),
          },
        }
      : state,
  );
}

/** Takes in a personal event from the live connection. */
export function receivePersonalEvent(event: PersonalEvent): void {
  if (event.kind === 'meetingsChanged') {
    void reloadPeopleIMet();
    return;
  }
  updateOpen(event.request);
  afterAccepted(event.request);
}

/** What the store knows first-hand, for `exchangeStateOf`. */
export function knowledgeOf(
  state: Pick<ContactsState, 'open' | 'contacts' | 'blocked'>,
): ExchangeKnowledge {
  return {
    open: state.open.status === 'ready' ? state.open.data : null,
    contactIds:
      state.contacts.status === 'ready'
        ? new Set(state.contacts.data.map((contact) => contact.person.id))
        : null,
    blockedIds:
      state.blocked.status === 'ready'
        ? new Set(state.blocked.data.map((person) => person.id))
        : null,
  };
}

/** Tests start from a clean store. */
export function resetContactsStore(): void {
  useContactsStore.setState(initialState, true);
}
