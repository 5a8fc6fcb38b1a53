import type { ExchangeRequest, MetExchangeState } from '@kohtaamo/protocol';

/** The requests still waiting for an answer: sent to me, and sent by me. */
export interface OpenExchanges {
  incoming: ExchangeRequest[];
  outgoing: ExchangeRequest[];
}

export const NO_OPEN_EXCHANGES: OpenExchanges = { incoming: [], outgoing: [] };

function samePair(a: ExchangeRequest, b: ExchangeRequest): boolean {
  return (
    (a.from.id === b.from.id && a.to.id === b.to.id) ||
    (a.from.id === b.to.id && a.to.id === b.from.id)
  );
}

/**
 * The open requests after the server told me what became of one. A pending request joins my
 * incoming or outgoing list (replacing an older copy); any other status closes it. An accepted
 * one also closes the other side's request between the same two people: asking someone who had
 * already asked me accepts theirs.
 */
export function applyExchange(
  open: OpenExchanges,
  request: ExchangeRequest,
  meId: string,
): OpenExchanges {
  const keep = (other: ExchangeRequest) =>
    other.id !== request.id && !(request.status === 'accepted' && samePair(other, request));
  const incoming = open.incoming.filter(keep);
  const outgoing = open.outgoing.filter(keep);
  if (request.status !== 'pending') return { incoming, outgoing };
  if (request.to.id === meId) return { incoming: [request, ...incoming], outgoing };
  if (request.from.id === meId) return { incoming, outgoing: [request, ...outgoing] };
  return { incoming, outgoing };
}

/** What this client knows first-hand about my exchanges; null parts have not loaded yet. */
export interface ExchangeKnowledge {
  open: OpenExchanges | null;
  contactIds: ReadonlySet<string> | null;
  blockedIds: ReadonlySet<string> | null;
}

/**
 * Where the exchange with a person stands. What this client has loaded or heard in real time
 * is newer than the state a list came with (`known`), which is used for the rest (a decline,
 * or anything not loaded yet).
 */
export function exchangeStateOf(
  personId: string,
  knowledge: ExchangeKnowledge,
  known: MetExchangeState = 'none',
): MetExchangeState {
  const { open, contactIds, blockedIds } = knowledge;
  if (contactIds?.has(personId)) return 'contacts';
  if (blockedIds?.has(personId)) return 'blocked';
  if (open) {
    if (open.incoming.some((request) => request.from.id === personId)) return 'asked_me';
    if (open.outgoing.some((request) => request.to.id === personId)) return 'asked_by_me';
  }
  const stillTrue: Record<MetExchangeState, boolean> = {
    none: true,
    declined: true,
    contacts: contactIds === null,
    blocked: blockedIds === null,
    asked_me: open === null,
    asked_by_me: open === null,
  };
  return stillTrue[known] ? known : 'none';
}
