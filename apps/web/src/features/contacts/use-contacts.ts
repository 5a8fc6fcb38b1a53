import { useEffect, useMemo } from 'react';
import { useConnectionStore } from '../live/connection-store';
import { knowledgeOf, openContacts, useContactsStore } from './contacts-store';
import type { ExchangeKnowledge } from './exchanges';

/**
 * Loads the person's exchanges, contacts, blocks and people met for the fair, and again each
 * time the live connection comes back, since events sent while it was away are not replayed.
 */
export function useContacts(fairId: string, meId: string): void {
  const connected = useConnectionStore((state) => state.status.kind === 'connected');
  useEffect(() => {
    openContacts(fairId, meId);
  }, [fairId, meId, connected]);
}

/** What the client knows first-hand about exchanges, for `exchangeStateOf`. */
export function useExchangeKnowledge(): ExchangeKnowledge {
  const open = useContactsStore((state) => state.open);
  const contacts = useContactsStore((state) => state.contacts);
  const blocked = useContactsStore((state) => state.blocked);
  return useMemo(() => knowledgeOf({ open, contacts, blocked }), [open, contacts, blocked]);
}
