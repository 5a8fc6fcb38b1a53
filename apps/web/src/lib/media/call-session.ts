/**
 * The call of the place the person is at: asks the server to join (`media.join`), which decides
 * the media path, and runs the matching engine. React-free; `use-call.ts` is the thin hook.
 */
import {
  type ClientEventName,
  type ClientPayload,
  type ClientResult,
  type MediaPlace,
  type MediaSession,
  mediaPlaceKey,
} from '@kohtaamo/protocol';
import type { ConnectionStatus, MediaMessage } from '../realtime/client';
import type { RealtimeErrorCode, RealtimeResult } from '../realtime/result';
import type { CallEngine } from './call-engine';
import type { CallFailure, LocalControls } from './call-state';
import { dispatchCall, useCallStore } from './call-store';
import { loadDeviceChoice } from './devices';
import { MeshCall } from './mesh/mesh-call';

/** How the session reaches the server: the live connection's typed requests. */
export interface CallTransport {
  request<E extends ClientEventName>(
    event: E,
    payload: ClientPayload<E>,
  ): Promise<RealtimeResult<ClientResult<E>>>;
}

let transport: CallTransport | null = null;
let engine: CallEngine | null = null;
let mesh: MeshCall | null = null;
let joined: MediaPlace | null = null;
/** Goes up with every join and leave, so an answer to an older join is dropped. */
let attempt = 0;
/** Signals that arrived while the join was on its way; the engine takes them when it starts. */
let early: MediaMessage[] = [];
let connectionWasLost = false;
/** The media path of the joined call, once the server has said it. */
let joinedMode: MediaSession['mode'] | null = null;
let releaseTimer: ReturnType<typeof setTimeout> | undefined;

export function setCallTransport(next: CallTransport | null): void {
  transport = next;
  if (!next) leaveCall();
}

function failureOf(code: RealtimeErrorCode): CallFailure {
  if (code === 'MEDIA_FULL' || code === 'TABLE_FULL') return 'full';
  if (code === 'NOT_SEATED' || code === 'NOT_PEER' || code === 'FORBIDDEN') return 'notAllowed';
  return 'network';
}

async function engineFor(
  session: MediaSession,
  controls: LocalControls,
  place: MediaPlace,
): Promise<CallEngine> {
  const devices = loadDeviceChoice();
  if (session.mode === 'livekit') {
    // Loaded only when the server uses LiveKit, so mesh users never download it.
    const { LivekitCall } = await import('./livekit/livekit-call');
    return new LivekitCall(session, dispatchCall, devices, controls);
  }
  return new MeshCall(
    session,
    {
      signal: (to, signal) => {
        // A refused relay means the peer left; the server's `media.peer` says so too.
        void transport?.request('media.signal', { place, to, signal });
      },
    },
    dispatchCall,
    devices,
    controls,
  );
}

/** Joins the call of a place the person is at; joining the call already joined does nothing. */
export async function joinCall(place: MediaPlace): Promise<void> {
  clearTimeout(releaseTimer);
  const state = useCallStore.getState();
  if (joined && mediaPlaceKey(joined) === mediaPlaceKey(place) && state.status.kind !== 'failed') {
    return;
  }
  leaveCall();
  attempt += 1;
  const own = attempt;
  joined = place;
  early = [];
  const { controls } = useCallStore.getState();
  dispatchCall({ type: 'join', place: mediaPlaceKey(place), controls });
  if (!transport) {
    dispatchCall({ type: 'failed', reason: 'network' });
    return;
  }
  const result = await transport.request('media.join', { place });
  if (own !== attempt) return;
  if (!result.ok) {
    dispatchCall({ type: 'failed', reason: failureOf(result.error.code) });
    return;
  }
  const started = await engineFor(result.data, controls, place);
  if (own !== attempt) {
    started.stop();
    return;
  }
  engine = started;
  joinedMode = result.data.mode;
  mesh = started instanceof MeshCall ? started : null;
  for (const message of early) deliver(message);
  early = [];
  try {
    await started.start();
  } catch {
    if (own === attempt) dispatchCall({ type: 'failed', reason: 'network' });
  }
}

/** Stops every track and connection of the call; a mesh call is left on the server too. */
export function leaveCall(): void {
  clearTimeout(releaseTimer);
  attempt += 1;
  const place = joined;
  const leaveOnServer = joinedMode !== 'livekit';
  joinedMode = null;
  engine?.stop();
  engine = null;
  mesh = null;
  joined = null;
  early = [];
  dispatchCall({ type: 'left' });
  // Standing up ends the call on the server by itself; this covers closing the call seated.
  if (place && leaveOnServer) void transport?.request('media.leave', { place });
}

/**
 * Leaves after a tick, unless the same call is joined again at once: React's strict mode and a
 * re-rendered route mount the call view twice, which must not open the camera twice.
 */
export function releaseCall(): void {
  clearTimeout(releaseTimer);
  releaseTimer = setTimeout(leaveCall, 0);
}

/** Joins again from scratch: after a lost socket, or when the person asks to retry. */
export function rejoinCall(): void {
  const place = joined;
  if (!place) return;
  leaveCall();
  void joinCall(place);
}

function deliver(message: MediaMessage): void {
  if (message.type === 'peer') mesh?.peerChanged(message.event);
  if (message.type === 'signal') mesh?.signal(message.delivery);
}

/** Media events from the live connection. */
export function handleMediaMessage(message: MediaMessage): void {
  const place = message.type === 'signal' ? message.delivery.place : placeOf(message);
  if (!joined || mediaPlaceKey(place) !== mediaPlaceKey(joined)) return;
  if (message.type === 'moderation') {
    moderate(message);
    return;
  }
  if (!engine) {
    early.push(message);
    return;
  }
  deliver(message);
}

function placeOf(message: Exclude<MediaMessage, { type: 'signal' }>): MediaPlace {
  return message.type === 'peer' ? message.event.place : message.notice.place;
}

function moderate(message: Extract<MediaMessage, { type: 'moderation' }>): void {
  const { notice } = message;
  if (notice.action === 'remove') {
    engine?.stop();
    engine = null;
    mesh = null;
    joined = null;
    dispatchCall({ type: 'failed', reason: 'removed' });
    return;
  }
  if (notice.track === 'microphone') void setMicrophone(false);
  if (notice.track === 'camera') void setCamera(false);
  if (notice.track === 'screen_share') void setScreenShare(false);
}

/**
 * The live connection's status. Peer-to-peer media may survive a lost socket, but signalling
 * does not, and the server may have let the call go meanwhile: a mesh call joins again.
 */
export function callConnectionChanged(status: ConnectionStatus): void {
  if (status.kind === 'reconnecting') {
    connectionWasLost = true;
    dispatchCall({ type: 'interrupted' });
    return;
  }
  if (status.kind === 'connected' && connectionWasLost) {
    connectionWasLost = false;
    if (mesh) rejoinCall();
  }
}

export async function setMicrophone(on: boolean): Promise<void> {
  dispatchCall({ type: 'controls', changes: { micOn: on } });
  await engine?.setMicrophone(on);
}

export async function setCamera(on: boolean): Promise<void> {
  dispatchCall({ type: 'controls', changes: { cameraOn: on } });
  await engine?.setCamera(on);
}

export async function setScreenShare(on: boolean): Promise<void> {
  dispatchCall({ type: 'controls', changes: { screenOn: on } });
  await engine?.setScreenShare(on);
}

export async function setAudioOnly(on: boolean): Promise<void> {
  dispatchCall({ type: 'controls', changes: { audioOnly: on } });
  await engine?.setAudioOnly(on);
}
