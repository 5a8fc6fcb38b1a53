import { describe } from 'vitest';
import { describeExpiry } from './presence-contract-expiry';
import { describePlaces } from './presence-contract-places';
import { describeRefusals } from './presence-contract-refusals';
import { describeSequence } from './presence-contract-sequence';
import { usePresence, type OpenPresence } from './presence-fixture';

export type { OpenedPresence, OpenPresence } from './presence-fixture';

/**
 * What every presence adapter promises, as vitest suites. Each test gets a fresh adapter from
 * `open`, so an adapter passes only if it keeps all its state behind its own instance (or, for
 * Redis, its key prefix).
 */
export function describePresenceContract(name: string, open: OpenPresence): void {
  describe(`presence contract: ${name}`, () => {
    const presence = usePresence(open);
    describePlaces(presence);
    describeRefusals(presence);
    describeExpiry(presence);
    describeSequence(presence);
  });
}
