/**
 * The live fair's connection: owns the realtime client, turns what the socket says into store
 * actions, keeps the followed scope in sync (snapshot on entering, on reconnecting and when a
 * hole in the diffs outlasts GAP_WAIT_MS), and takes the person where the open page needs them.
 * React-free; the pages call these functions and read the stores.
 */
import {
  type ClientEventName,
  type ClientPayload,
  type ClientResult,
  type Destination,
  type Scope,
  type Self,
  type SuggestionsResponse,
  nextResyncAtMs,
  scopesToResync,
} from '@kohtaamo/protocol';
import {
  callConnectionChanged,
  handleMediaMessage,
  setCallTransport,
} from '../../lib/media/call-session';
import {
  createRealtimeClient,
  type RealtimeClient,
  type RealtimeHandlers,
} from '../../lib/realtime/client';
import { failure, type RealtimeResult } from '../../lib/realtime/result';
import type { OpenSocket } from '../../lib/realtime/socket';
import { publishLiveEvent } from '../../lib/realtime/live-events';
import { openSocketIo } from '../../lib/realtime/socket-io';
import { receivePersonalEvent } from '../contacts/contacts-store';
import { personalNotice } from '../contacts/personal-notice';
import { resetConnectionStore, setConnectionStatus } from './connection-store';
import { announce, resetNoticeStore, type Notice } from './notice-store';
import { destinationOf, isWishMet, placeToResume, sameLocation, type Wish } from './places';
import {
  dispatchPresence,
  recordMove,
  resetPresenceStore,
  setSelf,
  usePresenceStore,
} from './presence-store';

/** Diffs from different server nodes cross within milliseconds; longer means one was lost. */
export const GAP_WAIT_MS = 300;
/** Pause before asking again when a snapshot or the own place could not be fetched. */
export const FETCH_RETRY_MS = 2_000;

let openSocket: OpenSocket = openSocketIo;
let client: RealtimeClient | null = null;
let fairId: string | null = null;
/** Goes up with every successful connection, so answers to an older one are dropped. */
let connection = 0;
/** The own place has been asked since the latest connection; until then `self` may be old. */
let selfFresh = false;
let wish: Wish | null = null;
let wishInFlight = false;
/** A new session has not yet decided whether to take the person back to where they were. */
let mayResume = false;
/**
 * The session took a returning person back to their room; the lobby wish of the entry page is
 * left undone until a page asks for somewhere else.
 */
let resumed = false;
let stopTimer: ReturnType<typeof setTimeout> | undefined;
let resyncTimer: ReturnType<typeof setTimeout> | undefined;
const retryTimers = new Set<ReturnType<typeof setTimeout>>();

/** Tests drive the session with a fake socket. */
export function configureLiveSession(options: { openSocket: OpenSocket }): void {
  openSocket = options.openSocket;
}

function isCurrent(owner: RealtimeClient, ownConnection: number): boolean {
  return client === owner && connection === ownConnection && owner.status().kind === 'connected';
}

function retryLater(task: () => void): void {
  const timer = setTimeout(() => {
    retryTimers.delete(timer);
    task();
  }, FETCH_RETRY_MS);
  retryTimers.add(timer);
}

async function fetchSnapshot(scope: Scope): Promise<void> {
  const owner = client;
  if (!owner) return;
  const ownConnection = connection;
  dispatchPresence({ type: 'snapshotRequested', scope });
  const result = await owner.request('presence.snapshot', { scope });
  if (client !== owner) return;
  if (result.ok) {
    dispatchPresence({ type: 'snapshot', snapshot: result.data, nowMs: Date.now() });
    scheduleResync();
    return;
  }
  dispatchPresence({ type: 'snapshotFailed', scope });
  // Offline: the reconnection fetches a new snapshot anyway. Otherwise try again shortly.
  retryLater(() => {
    const followed = scope in usePresenceStore.getState().sync.scopes;
    if (followed && isCurrent(owner, ownConnection)) void fetchSnapshot(scope);
  });
}

function scheduleResync(): void {
  clearTimeout(resyncTimer);
  const dueAtMs = nextResyncAtMs(usePresenceStore.getState().sync, GAP_WAIT_MS);
  if (dueAtMs === null) return;
  resyncTimer = setTimeout(
    () => {
      const sync = usePresenceStore.getState().sync;
      for (const scope of scopesToResync(sync, Date.now(), GAP_WAIT_MS)) void fetchSnapshot(scope);
      scheduleResync();
    },
    Math.max(0, dueAtMs - Date.now()),
  );
}

/** Takes in the own place; a new scope (or a new connection) needs a fresh snapshot. */
function applySelf(self: Self, refresh: boolean): void {
  const before = usePresenceStore.getState().self?.scope ?? null;
  setSelf(self);
  if (self.scope && (refresh || self.scope !== before)) void fetchSnapshot(self.scope);
}

async function onConnected(): Promise<void> {
  const owner = client;
  if (!owner) return;
  connection += 1;
  const ownConnection = connection;
  const result = await owner.request('presence.self', {});
  if (!isCurrent(owner, ownConnection)) return;
  if (!result.ok) {
    retryLater(() => {
      if (isCurrent(owner, ownConnection)) void onConnected();
    });
    return;
  }
  applySelf(result.data, true);
  selfFresh = true;
  void fulfilWish();
  // Only the place a visit starts in is resumed (fulfilWish decided it synchronously): a page
  // without a wish (the dashboard) must not make a later lobby page resume an old place.
  mayResume = false;
}

async function fulfilWish(): Promise<void> {
  const wanted = wish;
  const self = usePresenceStore.getState().self;
  if (!wanted || !selfFresh || !self || wishInFlight) return;
  if (mayResume) {
    mayResume = false;
    const resume = placeToResume(wanted, self.location);
    if (resume) {
      // The layout follows a recorded move to the room's page, whose wish the place meets.
      resumed = true;
      recordMove(resume);
      announce({ kind: 'returned', location: resume });
      return;
    }
  }
  if ((resumed && wanted.kind === 'lobby') || isWishMet(wanted, self.location)) return;
  wishInFlight = true;
  const sentOn = connection;
  try {
    await goTo(destinationOf(wanted));
  } finally {
    wishInFlight = false;
  }
  // The page may have changed while we were on the way, or the connection came back meanwhile
  // (its own attempt stood back for this one, whose answer was lost with the old connection).
  // A failed go is not otherwise repeated, so an error cannot turn into a loop; the person sees
  // it and can act.
  if (wish !== wanted || connection !== sentOn) void fulfilWish();
}

/** Socket events become store actions here. */
const handlers: RealtimeHandlers = {
  status(status) {
    setConnectionStatus(status);
    callConnectionChanged(status);
    if (status.kind === 'connected') void onConnected();
    else selfFresh = false;
  },
  media: handleMediaMessage,
  diff(diff) {
    dispatchPresence({ type: 'diff', diff, nowMs: Date.now() });
    scheduleResync();
  },
  self(self) {
    const previous = usePresenceStore.getState().self?.location ?? null;
    applySelf(self, false);
    // The server also says where a new connection was placed: the first place heard of, or
    // the same place again after a reconnection, is not a move.
    if (previous === null || sameLocation(previous, self.location)) return;
    recordMove(self.location);
    announce({ kind: 'moved', location: self.location, previous });
  },
  personal(event) {
    receivePersonalEvent(event);
    const notice = personalNotice(event);
    if (notice) announce(notice);
  },
  live: publishLiveEvent,
};

// The wish is left alone: it belongs to the page, which may state it before the connection
// starts (child effects run before the layout's) and withdraws it when it closes.
function stopNow(): void {
  setCallTransport(null);
  client?.disconnect();
  client = null;
  fairId = null;
  selfFresh = false;
  mayResume = false;
  resumed = false;
  clearTimeout(resyncTimer);
  for (const timer of retryTimers) clearTimeout(timer);
  retryTimers.clear();
  resetPresenceStore();
  resetConnectionStore();
  resetNoticeStore();
}

/** Opens the fair's live connection; opening the same fair again keeps the one there is. */
export function startLive(id: string): void {
  clearTimeout(stopTimer);
  if (client && fairId === id) return;
  stopNow();
  fairId = id;
  mayResume = true;
  const created = createRealtimeClient(openSocket, handlers);
  client = created;
  setCallTransport({ request: (event, payload) => created.request(event, payload) });
  created.connect(id);
}

/**
 * Leaves the live fair. Deferred by a tick so that a view mounted again at once (React's strict
 * mode, a re-render of the route) keeps the connection instead of leaving and re-entering.
 */
export function stopLive(): void {
  clearTimeout(stopTimer);
  stopTimer = setTimeout(stopNow, 0);
}

/** Connects again after another tab took over or a refusal: "Use the fair here". */
export function reconnectLive(): void {
  if (client && fairId) client.connect(fairId);
}

/** The open page says where it needs the person; they are taken there once connected. */
export function wishPlace(next: Wish | null): void {
  wish = next;
  if (next && next.kind !== 'lobby') resumed = false;
  void fulfilWish();
}

/**
 * Goes somewhere (sitting, leaving a table, moving and changing rooms are all this). Failures
 * are announced; `done` is announced on success.
 */
export async function goTo(to: Destination, done?: Notice): Promise<RealtimeResult<Self>> {
  const result = client
    ? await client.request('presence.go', { to })
    : failure('OFFLINE', 'Not connected');
  if (result.ok) {
    applySelf(result.data, false);
    if (done) announce(done);
  } else {
    announce({ kind: 'error', code: result.error.code });
  }
  return result;
}

/** Sends any client event over the live connection; OFFLINE when there is none. */
export function liveRequest<E extends ClientEventName>(
  event: E,
  payload: ClientPayload<E>,
): Promise<RealtimeResult<ClientResult<E>>> {
  return client
    ? client.request(event, payload)
    : Promise.resolve(failure('OFFLINE', 'Not connected'));
}

/** Tables worth joining now, from live presence (see `TableSuggestions`). */
export function requestSuggestions(): Promise<RealtimeResult<SuggestionsResponse>> {
  return client
    ? client.request('meetings.suggestions', {})
    : Promise.resolve(failure('OFFLINE', 'Not connected'));
}

/** Tests end by leaving at once. */
export function stopLiveNow(): void {
  clearTimeout(stopTimer);
  stopNow();
}
