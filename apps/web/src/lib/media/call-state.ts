/**
 * The call's state as a pure reducer, so both media paths report through the same transitions
 * and the odd orders (an answer arriving after leaving, a drop while joining) are tested once.
 */

/** Why a call could not be joined or was lost for good. */
export type CallFailure =
  /** The mesh stage (or table) already has as many people as peer-to-peer video can carry. */
  | 'full'
  /** The server does not see this person at that table or on the stage (any more). */
  | 'notAllowed'
  /** The browser gave no camera or microphone and the person did not choose audio-free. */
  | 'devices'
  /** The connection could not be made or restored. */
  | 'network'
  /** A facilitator took this person out of the call. */
  | 'removed';

export type CallStatus =
  | { kind: 'idle' }
  | { kind: 'joining' }
  | { kind: 'connected' }
  /** Media was interrupted and is being restored; what is shown may be frozen. */
  | { kind: 'reconnecting' }
  | { kind: 'failed'; reason: CallFailure };

export interface CallParticipant {
  id: string;
  name: string;
  isLocal: boolean;
  audio: MediaStreamTrack | null;
  camera: MediaStreamTrack | null;
  screen: MediaStreamTrack | null;
  speaking: boolean;
}

/** What this person sends. `audioOnly` also stops receiving video. */
export interface LocalControls {
  micOn: boolean;
  cameraOn: boolean;
  screenOn: boolean;
  audioOnly: boolean;
}

export interface CallState {
  /** The place this call belongs to (`table:<id>` or `stage`); null when in no call. */
  place: string | null;
  status: CallStatus;
  /** Everyone in the call, the local person first. */
  participants: CallParticipant[];
  controls: LocalControls;
}

export const DEFAULT_CONTROLS: LocalControls = {
  micOn: true,
  cameraOn: true,
  screenOn: false,
  audioOnly: false,
};

export const IDLE_CALL: CallState = {
  place: null,
  status: { kind: 'idle' },
  participants: [],
  controls: DEFAULT_CONTROLS,
};

export type CallEvent =
  | { type: 'join'; place: string; controls: LocalControls }
  | { type: 'connected' }
  | { type: 'interrupted' }
  | { type: 'failed'; reason: CallFailure }
  | { type: 'left' }
  /** Adds a participant or changes the given fields of one. */
  | { type: 'participant'; id: string; changes: Partial<Omit<CallParticipant, 'id'>> }
  | { type: 'participantGone'; id: string }
  | { type: 'controls'; changes: Partial<LocalControls> };

const blankParticipant = (id: string): CallParticipant => ({
  id,
  name: '',
  isLocal: false,
  audio: null,
  camera: null,
  screen: null,
  speaking: false,
});

function upsert(
  participants: CallParticipant[],
  id: string,
  changes: Partial<Omit<CallParticipant, 'id'>>,
): CallParticipant[] {
  const index = participants.findIndex((participant) => participant.id === id);
  if (index === -1) {
    const added = { ...blankParticipant(id), ...changes };
    return added.isLocal ? [added, ...participants] : [...participants, added];
  }
  const current = participants[index] as CallParticipant;
  const entries = Object.entries(changes) as [keyof CallParticipant, unknown][];
  if (entries.every(([key, value]) => current[key] === value)) return participants;
  const next = [...participants];
  next[index] = { ...current, ...changes };
  return next;
}

export function callReducer(state: CallState, event: CallEvent): CallState {
  // Whatever an engine says after leaving (late answers, closing connections) changes nothing.
  if (state.place === null && event.type !== 'join' && event.type !== 'controls') return state;
  switch (event.type) {
    case 'join':
      return {
        place: event.place,
        status: { kind: 'joining' },
        participants: [],
        controls: event.controls,
      };
    case 'left':
      return { ...IDLE_CALL, controls: state.controls };
    case 'connected':
      return state.status.kind === 'failed' ? state : { ...state, status: { kind: 'connected' } };
    case 'interrupted':
      return state.status.kind === 'connected'
        ? { ...state, status: { kind: 'reconnecting' } }
        : state;
    case 'failed':
      return { ...state, status: { kind: 'failed', reason: event.reason } };
    case 'participant': {
      const participants = upsert(state.participants, event.id, event.changes);
      return participants === state.participants ? state : { ...state, participants };
    }
    case 'participantGone': {
      const participants = state.participants.filter((person) => person.id !== event.id);
      return participants.length === state.participants.length ? state : { ...state, participants };
    }
    case 'controls':
      return { ...state, controls: { ...state.controls, ...event.changes } };
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}
