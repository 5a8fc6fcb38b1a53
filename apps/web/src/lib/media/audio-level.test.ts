import { describe, expect, it } from 'vitest';
import { SILENT, SPEAKING_HOLD_MS, levelOf, nextSpeaking } from './audio-level';

const silence = new Uint8Array(256).fill(128);
const tone = (amplitude: number) =>
  Uint8Array.from({ length: 256 }, (_, index) =>
    Math.round(128 + amplitude * 127 * Math.sin(index / 4)),
  );

describe('microphone level', () => {
  it('is zero for silence and rises with loudness', () => {
    expect(levelOf(silence)).toBe(0);
    expect(levelOf(tone(0.05))).toBeGreaterThan(0);
    expect(levelOf(tone(0.2))).toBeGreaterThan(levelOf(tone(0.05)));
  });

  it('never passes the top of the meter', () => {
    expect(levelOf(tone(1))).toBeLessThanOrEqual(1);
  });
});

describe('speaking indicator', () => {
  it('lights up when someone speaks and stays on through a short pause', () => {
    const speaking = nextSpeaking(SILENT, 0.3, 1_000);
    expect(speaking.speaking).toBe(true);
    expect(nextSpeaking(speaking, 0, 1_000 + SPEAKING_HOLD_MS - 1).speaking).toBe(true);
  });

  it('goes off once the pause lasts', () => {
    const speaking = nextSpeaking(SILENT, 0.3, 1_000);
    expect(nextSpeaking(speaking, 0, 1_000 + SPEAKING_HOLD_MS).speaking).toBe(false);
  });

  it('does not light up for background noise', () => {
    expect(nextSpeaking(SILENT, 0.08, 1_000).speaking).toBe(false);
  });
});
