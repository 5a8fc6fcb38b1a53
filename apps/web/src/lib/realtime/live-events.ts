import type { LiveEvent, LiveEventName, LiveEventPayload } from '@kohtaamo/protocol';

type Listener<E extends LiveEventName> = (payload: LiveEventPayload<E>) => void;

const listeners = new Map<LiveEventName, Set<Listener<LiveEventName>>>();

/**
 * Lets a live feature (agenda, moderation, chat…) hear its own server events without the live
 * session knowing each of them. Feature stores subscribe at module level; returns the undo.
 */
export function onLiveEvent<E extends LiveEventName>(name: E, listener: Listener<E>): () => void {
  const forName = listeners.get(name) ?? new Set();
  listeners.set(name, forName);
  forName.add(listener as Listener<LiveEventName>);
  return () => {
    forName.delete(listener as Listener<LiveEventName>);
  };
}

/** Hands a checked server event to the features listening for it. */
export function publishLiveEvent(event: LiveEvent): void {
  for (const listener of listeners.get(event.name) ?? []) listener(event.payload);
}
