import { useEffect, useState } from 'react';
import { type DeviceLists, listDevices } from '../../lib/media/devices';
import { watchLevel } from '../../lib/media/level-meter';
import { cameraConstraints, microphoneConstraints } from '../../lib/media/local-media';

export interface DevicePreview {
  stream: MediaStream | null;
  level: number;
  devices: DeviceLists;
  /** The browser refused or found neither device. */
  failed: boolean;
}

/**
 * Opens the chosen camera and microphone for the device check, measures the microphone and
 * lists the devices; everything it opens is stopped when the check closes or the choice changes.
 */
export function useDevicePreview(cameraId: string | null, microphoneId: string | null) {
  const [preview, setPreview] = useState<DevicePreview>({
    stream: null,
    level: 0,
    devices: { cameras: [], microphones: [] },
    failed: false,
  });
  useEffect(() => {
    let stream: MediaStream | null = null;
    let stopLevel = () => {};
    let closed = false;
    void (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({
          audio: microphoneConstraints(microphoneId),
          video: cameraConstraints(cameraId),
        });
      } catch {
        stream = null;
      }
      if (closed) {
        stream?.getTracks().forEach((track) => track.stop());
        return;
      }
      // Device names are only listed once the page may use them, so list after opening.
      const devices = await listDevices().catch(() => ({ cameras: [], microphones: [] }));
      if (closed) return;
      setPreview({ stream, level: 0, devices, failed: stream === null });
      const audio = stream?.getAudioTracks()[0];
      if (audio) {
        stopLevel = watchLevel(audio, (level) =>
          setPreview((current) => (current.stream === stream ? { ...current, level } : current)),
        );
      }
    })();
    return () => {
      closed = true;
      stopLevel();
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [cameraId, microphoneId]);
  return preview;
}
