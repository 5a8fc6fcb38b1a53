/**
 * The camera, microphone and screen this browser sends in a mesh call (LiveKit manages its own
 * tracks). Every track it opens it also stops, so leaving a call turns the camera light off.
 */
import type { DeviceChoice } from './devices';

export interface LocalTracks {
  audio: MediaStreamTrack | null;
  camera: MediaStreamTrack | null;
  screen: MediaStreamTrack | null;
}

/** Small enough for six tiles on a laptop's upload, sharp enough for faces. */
const CAMERA_CONSTRAINTS: MediaTrackConstraints = {
  width: { ideal: 640 },
  height: { ideal: 360 },
  frameRate: { ideal: 24 },
};

export function cameraConstraints(cameraId: string | null): MediaTrackConstraints {
  return cameraId ? { ...CAMERA_CONSTRAINTS, deviceId: { exact: cameraId } } : CAMERA_CONSTRAINTS;
}

export function microphoneConstraints(microphoneId: string | null): MediaTrackConstraints {
  const cleanUp = { echoCancellation: true, noiseSuppression: true, autoGainControl: true };
  return microphoneId ? { ...cleanUp, deviceId: { exact: microphoneId } } : cleanUp;
}

async function openTrack(constraints: MediaStreamConstraints): Promise<MediaStreamTrack | null> {
  try {
    const stream = await navigator.mediaDevices.getUserMedia(constraints);
    return stream.getTracks()[0] ?? null;
  } catch {
    // Denied, missing or busy: the call goes on without it, and the control shows it off.
    return null;
  }
}

export class LocalMedia {
  private tracks: LocalTracks = { audio: null, camera: null, screen: null };
  private stopped = false;

  constructor(
    private readonly devices: DeviceChoice,
    /** Told when the browser ends a track itself (the screen share's "Stop sharing" bar). */
    private readonly onEnded: (kind: keyof LocalTracks) => void,
  ) {}

  current(): LocalTracks {
    return this.tracks;
  }

  /** Opens the microphone and, unless `camera` is false, the camera. */
  async start(options: { microphone: boolean; camera: boolean }): Promise<LocalTracks> {
    const [audio, camera] = await Promise.all([
      options.microphone
        ? openTrack({ audio: microphoneConstraints(this.devices.microphoneId) })
        : null,
      options.camera ? openTrack({ video: cameraConstraints(this.devices.cameraId) }) : null,
    ]);
    this.keep('audio', audio);
    this.keep('camera', camera);
    return this.tracks;
  }

  /** Muting keeps the microphone open (unmuting is instant) but sends silence. */
  setMicrophoneEnabled(on: boolean): void {
    if (this.tracks.audio) this.tracks.audio.enabled = on;
  }

  /** Turning the camera off closes it, so its light goes off too. */
  async setCamera(on: boolean): Promise<MediaStreamTrack | null> {
    if (!on) {
      this.drop('camera');
      return null;
    }
    if (this.tracks.camera) return this.tracks.camera;
    this.keep('camera', await openTrack({ video: cameraConstraints(this.devices.cameraId) }));
    return this.tracks.camera;
  }

  async setScreen(on: boolean): Promise<MediaStreamTrack | null> {
    if (!on) {
      this.drop('screen');
      return null;
    }
    if (this.tracks.screen) return this.tracks.screen;
    try {
      const stream = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: false });
      this.keep('screen', stream.getVideoTracks()[0] ?? null);
    } catch {
      // The person cancelled the browser's picker.
    }
    return this.tracks.screen;
  }

  stopAll(): void {
    this.stopped = true;
    for (const kind of ['audio', 'camera', 'screen'] as const) this.drop(kind);
  }

  private keep(kind: keyof LocalTracks, track: MediaStreamTrack | null): void {
    // A track that arrives after leaving is closed at once instead of lighting the camera.
    if (this.stopped) {
      track?.stop();
      return;
    }
    if (track) track.addEventListener('ended', () => this.ended(kind, track), { once: true });
    this.tracks = { ...this.tracks, [kind]: track };
  }

  private ended(kind: keyof LocalTracks, track: MediaStreamTrack): void {
    if (this.tracks[kind] !== track) return;
    this.tracks = { ...this.tracks, [kind]: null };
    this.onEnded(kind);
  }

  private drop(kind: keyof LocalTracks): void {
    this.tracks[kind]?.stop();
    this.tracks = { ...this.tracks, [kind]: null };
  }
}
