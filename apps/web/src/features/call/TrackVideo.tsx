import { useEffect, useRef } from 'react';

interface TrackVideoProps {
  track: MediaStreamTrack;
  /** The own camera is mirrored, as people expect from a mirror. */
  mirrored?: boolean;
  personId: string;
  source: 'camera' | 'screen';
  label: string;
}

/**
 * A video track in a `<video>`. Always muted: sound plays through `TrackAudio`, so a hidden or
 * paused video never silences anyone. `data-testid` and `data-person-id` let the browser test
 * find whose video is playing.
 */
export function TrackVideo({ track, mirrored = false, personId, source, label }: TrackVideoProps) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const video = ref.current;
    if (!video) return;
    video.srcObject = new MediaStream([track]);
    return () => {
      video.srcObject = null;
    };
  }, [track]);
  return (
    <video
      ref={ref}
      className={mirrored ? 'call-video mirrored' : 'call-video'}
      autoPlay
      playsInline
      muted
      aria-label={label}
      data-testid="call-video"
      data-person-id={personId}
      data-source={source}
    />
  );
}

/** A remote person's sound; not shown. */
export function TrackAudio({ track }: { track: MediaStreamTrack }) {
  const ref = useRef<HTMLAudioElement>(null);
  useEffect(() => {
    const audio = ref.current;
    if (!audio) return;
    audio.srcObject = new MediaStream([track]);
    void audio.play().catch(() => undefined);
    return () => {
      audio.srcObject = null;
    };
  }, [track]);
  return <audio ref={ref} autoPlay />;
}
