import type {
  CardField,
  CardFields,
  Contact,
  ContactPerson,
  ExchangeRequest,
  MyCard,
  Registration,
  RevealedCard,
} from '@kohtaamo/protocol';
import type { CardRecord, ExchangeRecord, Store } from '../store/types';

/** Fields shared until a person chooses: what presence already shows to everyone. */
const DEFAULT_SHARED: CardField[] = ['name', 'organisation'];

export function contactPerson(registration: Registration): ContactPerson {
  return {
    id: registration.id,
    name: registration.profile.displayName,
    organisation: registration.profile.organisation,
    organisationType: registration.profile.organisationType,
  };
}

/** The card offered from the profile until the person saves their own. */
function profileCard(registration: Registration): CardFields {
  const { profile } = registration;
  return {
    name: profile.displayName,
    organisation: profile.organisation,
    title: profile.title,
    email: '',
    phone: '',
    website: '',
    languages: profile.languages,
    cooperation: '',
  };
}

export function myCardOf(registration: Registration, record: CardRecord | null): MyCard {
  if (!record) {
    return {
      card: profileCard(registration),
      shared: DEFAULT_SHARED,
      saved: false,
      updatedAt: null,
    };
  }
  return {
    card: record.card,
    shared: record.shared,
    saved: true,
    updatedAt: record.updatedAt.toISOString(),
  };
}

/** Only what the owner shares; nothing else leaves the server. */
export function revealCard(card: MyCard): RevealedCard {
  const revealed: Record<string, unknown> = {};
  for (const field of card.shared) revealed[field] = card.card[field];
  return revealed as RevealedCard;
}

export function exchangeRequestOf(
  record: ExchangeRecord,
  people: ReadonlyMap<string, Registration>,
): ExchangeRequest | null {
  const from = people.get(record.fromId);
  const to = people.get(record.toId);
  if (!from || !to) return null;
  return {
    id: record.id,
    from: contactPerson(from),
    to: contactPerson(to),
    message: record.message,
    status: record.status,
    createdAt: record.createdAt.toISOString(),
    answeredAt: record.answeredAt?.toISOString() ?? null,
  };
}

/**
 * My contacts: the people with whom I have an accepted exchange, each with the card fields they
 * share and my own note. Nobody else's exchanges or notes are read.
 */
export async function contactsOf(store: Store, me: Registration): Promise<Contact[]> {
  const exchanges = await store.exchanges.listFor(me.fairId, me.id);
  const accepted = new Map<string, Date>();
  for (const exchange of exchanges) {
    if (exchange.status !== 'accepted') continue;
    const other = exchange.fromId === me.id ? exchange.toId : exchange.fromId;
    accepted.set(other, exchange.answeredAt ?? exchange.createdAt);
  }
  const ids = [...accepted.keys()];
  const [registrations, cards, notes] = await Promise.all([
    Promise.all(ids.map((id) => store.registrations.findById(me.fairId, id))),
    store.cards.findMany(me.fairId, ids),
    store.notes.listFor(me.fairId, me.id),
  ]);
  const cardOf = new Map(cards.map((card) => [card.registrationId, card]));
  const contacts: Contact[] = [];
  for (const registration of registrations) {
    if (!registration) continue;
    contacts.push({
      person: contactPerson(registration),
      card: revealCard(myCardOf(registration, cardOf.get(registration.id) ?? null)),
      note: notes.get(registration.id) ?? '',
      exchangedAt: accepted.get(registration.id)!.toISOString(),
    });
  }
  return contacts.sort((x, y) => x.person.name.localeCompare(y.person.name, 'fi'));
}
