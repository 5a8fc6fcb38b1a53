/**
 * Turning microphone samples into a level and a speaking indicator. Pure, so the thresholds
 * can be tested; `level-meter.ts` feeds it from WebAudio.
 */

/** The loudness of one window of 8-bit samples (128 = silence), from 0 to 1. */
export function levelOf(samples: Uint8Array): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (const sample of samples) {
    const centred = (sample - 128) / 128;
    sum += centred * centred;
  }
  // Speech rarely exceeds an RMS of 0.3; scaling makes the meter move visibly for normal voices.
  return Math.min(1, Math.sqrt(sum / samples.length) * 3);
}

/** Above this a person counts as starting to speak; below the lower one as possibly done. */
export const SPEAKING_START_LEVEL = 0.12;
export const SPEAKING_STOP_LEVEL = 0.06;
/** Pauses between words are short; the indicator should not flicker through them. */
export const SPEAKING_HOLD_MS = 600;

export interface SpeakingState {
  speaking: boolean;
  /** When the level was last above the stop level. */
  lastLoudAtMs: number;
}

export const SILENT: SpeakingState = { speaking: false, lastLoudAtMs: 0 };

export function nextSpeaking(state: SpeakingState, level: number, nowMs: number): SpeakingState {
  if (level >= SPEAKING_START_LEVEL || (state.speaking && level >= SPEAKING_STOP_LEVEL)) {
    return { speaking: true, lastLoudAtMs: nowMs };
  }
  if (state.speaking && nowMs - state.lastLoudAtMs < SPEAKING_HOLD_MS) return state;
  return state.speaking ? { ...state, speaking: false } : state;
}
