import type { LiveEventName, LiveEventPayload } from '@kohtaamo/protocol';

/**
 * Sends one live feature event (`liveEventSchemas`) to Socket.IO rooms, on every node. The
 * features get this rather than the server, so they stay testable without Socket.IO.
 */
export type LiveEmit = <E extends LiveEventName>(
  rooms: string | string[],
  event: E,
  payload: LiveEventPayload<E>,
) => void;
