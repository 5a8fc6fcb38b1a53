import type { FairDetailResponse } from '@kohtaamo/protocol';
import { useOutletContext } from 'react-router-dom';

/** What the live layout gives its pages: the fair as stored (names, rooms, tables). */
export interface LiveFair {
  detail: FairDetailResponse;
  /** Loads the fair again, keeping the current one on screen meanwhile. */
  reload: () => void;
}

/** The fair of the live layout this page is rendered in. */
export function useLiveFair(): LiveFair {
  return useOutletContext<LiveFair>();
}
