import type { MediaPlace } from '@kohtaamo/protocol';
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import * as session from './call-session';
import type { CallState } from './call-state';
import { useCallStore } from './call-store';

export interface CallActions {
  setMicrophone(on: boolean): void;
  setCamera(on: boolean): void;
  setScreenShare(on: boolean): void;
  setAudioOnly(on: boolean): void;
  /** Leaves the call and keeps the seat. */
  leave(): void;
  /** Joins again after leaving or a failure. */
  join(): void;
}

/**
 * Holds the call of `place` while the calling component is shown (null: no call) and gives its
 * state and controls. Which media path carries the call is the server's choice and not visible
 * here. `enabled` false keeps out of the call, e.g. until the device check is done.
 */
export function useCall(place: MediaPlace | null, enabled = true): CallState & CallActions {
  const key = place ? JSON.stringify(place) : null;
  const wanted = enabled ? key : null;
  useEffect(() => {
    if (!wanted) return;
    void session.joinCall(JSON.parse(wanted) as MediaPlace);
    return session.releaseCall;
  }, [wanted]);
  const state = useCallStore(
    useShallow((store) => ({
      place: store.place,
      status: store.status,
      participants: store.participants,
      controls: store.controls,
    })),
  );
  return {
    ...state,
    setMicrophone: (on) => void session.setMicrophone(on),
    setCamera: (on) => void session.setCamera(on),
    setScreenShare: (on) => void session.setScreenShare(on),
    setAudioOnly: (on) => void session.setAudioOnly(on),
    leave: session.leaveCall,
    join: () => {
      if (key) void session.joinCall(JSON.parse(key) as MediaPlace);
    },
  };
}
