/** WebAudio levels of audio tracks, for the device check's meter and the mesh's speaking dots. */
import { levelOf } from './audio-level';

/** Ten readings a second are enough for a meter and cheap on a phone. */
export const LEVEL_INTERVAL_MS = 100;

let context: AudioContext | null = null;

function audioContext(): AudioContext {
  context ??= new AudioContext();
  // Browsers start it suspended until the page has been clicked; joining a table is a click.
  if (context.state === 'suspended') void context.resume();
  return context;
}

/** Calls `onLevel` with the track's level (0–1) until the returned function is called. */
export function watchLevel(track: MediaStreamTrack, onLevel: (level: number) => void): () => void {
  const audio = audioContext();
  const source = audio.createMediaStreamSource(new MediaStream([track]));
  const analyser = audio.createAnalyser();
  analyser.fftSize = 512;
  source.connect(analyser);
  const samples = new Uint8Array(analyser.fftSize);
  const timer = setInterval(() => {
    analyser.getByteTimeDomainData(samples);
    onLevel(levelOf(samples));
  }, LEVEL_INTERVAL_MS);
  return () => {
    clearInterval(timer);
    source.disconnect();
  };
}
