/**
 * What the call session asks of a media path. The mesh and the LiveKit engine both implement
 * it, and both report through a `CallSink`, so nothing above them knows which one runs.
 */
import type { CallEvent } from './call-state';

export interface CallEngine {
  /** Connects; the engine reports `connected`, participants and failures through the sink. */
  start(): Promise<void>;
  setMicrophone(on: boolean): Promise<void>;
  setCamera(on: boolean): Promise<void>;
  setScreenShare(on: boolean): Promise<void>;
  /** Neither sends nor receives video (for weak connections). */
  setAudioOnly(on: boolean): Promise<void>;
  /** Stops every local track and closes every connection; nothing is reported afterwards. */
  stop(): void;
}

export type CallSink = (event: CallEvent) => void;
