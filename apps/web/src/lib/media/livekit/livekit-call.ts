/**
 * The LiveKit engine: connects `livekit-client` with the token the server minted and reports
 * the room's participants and tracks in the same shape as the mesh does. LiveKit measures who
 * is speaking itself.
 */
import type { LivekitSession } from '@kohtaamo/protocol';
import {
  DisconnectReason,
  type Participant,
  type RemoteTrackPublication,
  Room,
  RoomEvent,
  Track,
  VideoPresets,
} from 'livekit-client';
import type { CallEngine, CallSink } from '../call-engine';
import type { CallParticipant, LocalControls } from '../call-state';
import type { DeviceChoice } from '../devices';

/** Room events after which the participants are read again. */
const CHANGES = [
  RoomEvent.ParticipantConnected,
  RoomEvent.ParticipantDisconnected,
  RoomEvent.TrackSubscribed,
  RoomEvent.TrackUnsubscribed,
  RoomEvent.TrackMuted,
  RoomEvent.TrackUnmuted,
  RoomEvent.LocalTrackPublished,
  RoomEvent.LocalTrackUnpublished,
  RoomEvent.ActiveSpeakersChanged,
] as const;

function trackOf(participant: Participant, source: Track.Source): MediaStreamTrack | null {
  const publication = participant.getTrackPublication(source);
  if (!publication?.track || publication.isMuted) return null;
  return publication.track.mediaStreamTrack;
}

function describe(participant: Participant, isLocal: boolean): Omit<CallParticipant, 'id'> {
  return {
    name: participant.name || participant.identity,
    isLocal,
    audio: isLocal ? null : trackOf(participant, Track.Source.Microphone),
    camera: trackOf(participant, Track.Source.Camera),
    screen: trackOf(participant, Track.Source.ScreenShare),
    speaking: participant.isSpeaking,
  };
}

export class LivekitCall implements CallEngine {
  private readonly room: Room;
  private readonly shown = new Set<string>();
  private audioOnly: boolean;
  private stopped = false;

  constructor(
    private readonly session: LivekitSession,
    private readonly sink: CallSink,
    devices: DeviceChoice,
    private readonly controls: LocalControls,
  ) {
    this.audioOnly = controls.audioOnly;
    this.room = new Room({
      // Only the sizes on screen are sent, and only while shown: what weak links need.
      adaptiveStream: true,
      dynacast: true,
      audioCaptureDefaults: devices.microphoneId ? { deviceId: devices.microphoneId } : {},
      videoCaptureDefaults: {
        resolution: VideoPresets.h360.resolution,
        ...(devices.cameraId ? { deviceId: devices.cameraId } : {}),
      },
    });
  }

  async start(): Promise<void> {
    const room = this.room;
    for (const event of CHANGES) room.on(event, () => this.refresh());
    room.on(RoomEvent.TrackPublished, (publication) => this.subscribeAsWanted(publication));
    room.on(RoomEvent.Reconnecting, () => this.report({ type: 'interrupted' }));
    room.on(RoomEvent.Reconnected, () => this.report({ type: 'connected' }));
    room.on(RoomEvent.Disconnected, (reason) => {
      // The server removes a person who stood up or was taken out of the call.
      const removed = reason === DisconnectReason.PARTICIPANT_REMOVED;
      this.report({ type: 'failed', reason: removed ? 'removed' : 'network' });
    });
    // Subscriptions are chosen here, so audio-only never downloads video.
    await room.connect(this.session.url, this.session.token, { autoSubscribe: false });
    if (this.stopped) {
      await room.disconnect();
      return;
    }
    for (const participant of room.remoteParticipants.values()) {
      for (const publication of participant.trackPublications.values()) {
        this.subscribeAsWanted(publication);
      }
    }
    if (this.session.publishes) {
      await this.publish(Track.Source.Microphone, this.controls.micOn);
      await this.publish(Track.Source.Camera, this.controls.cameraOn && !this.audioOnly);
    }
    this.refresh();
    this.report({ type: 'connected' });
  }

  async setMicrophone(on: boolean): Promise<void> {
    if (this.session.publishes) await this.publish(Track.Source.Microphone, on);
  }

  async setCamera(on: boolean): Promise<void> {
    if (this.session.publishes) await this.publish(Track.Source.Camera, on && !this.audioOnly);
  }

  async setScreenShare(on: boolean): Promise<void> {
    if (this.session.publishes) await this.publish(Track.Source.ScreenShare, on && !this.audioOnly);
  }

  async setAudioOnly(on: boolean): Promise<void> {
    this.audioOnly = on;
    for (const participant of this.room.remoteParticipants.values()) {
      for (const publication of participant.trackPublications.values()) {
        this.subscribeAsWanted(publication);
      }
    }
    if (on && this.session.publishes) {
      await this.publish(Track.Source.Camera, false);
      await this.publish(Track.Source.ScreenShare, false);
    }
    this.report({ type: 'controls', changes: { audioOnly: on } });
  }

  stop(): void {
    this.stopped = true;
    this.room.removeAllListeners();
    // Disconnecting unpublishes and stops every local track.
    void this.room.disconnect(true);
  }

  private async publish(source: Track.Source, on: boolean): Promise<void> {
    const local = this.room.localParticipant;
    const field = { microphone: 'micOn', camera: 'cameraOn', screen_share: 'screenOn' } as const;
    let enabled = on;
    try {
      if (source === Track.Source.Microphone) await local.setMicrophoneEnabled(on);
      else if (source === Track.Source.Camera) await local.setCameraEnabled(on);
      else await local.setScreenShareEnabled(on);
    } catch {
      // No device, permission denied or the picker cancelled: the control shows it off.
      enabled = false;
    }
    const key = field[source as keyof typeof field];
    if (key) this.report({ type: 'controls', changes: { [key]: enabled } });
    this.refresh();
  }

  private subscribeAsWanted(publication: RemoteTrackPublication): void {
    publication.setSubscribed(publication.kind === Track.Kind.Audio || !this.audioOnly);
  }

  private refresh(): void {
    if (this.stopped) return;
    const seen = new Set<string>();
    const local = this.room.localParticipant;
    // A stage viewer sends nothing and has no tile of their own.
    if (this.session.publishes) {
      seen.add(local.identity);
      this.sink({ type: 'participant', id: local.identity, changes: describe(local, true) });
    }
    for (const participant of this.room.remoteParticipants.values()) {
      seen.add(participant.identity);
      this.sink({
        type: 'participant',
        id: participant.identity,
        changes: describe(participant, false),
      });
    }
    for (const id of this.shown) {
      if (!seen.has(id)) this.sink({ type: 'participantGone', id });
    }
    this.shown.clear();
    for (const id of seen) this.shown.add(id);
  }

  private report(event: Parameters<CallSink>[0]): void {
    if (!this.stopped) this.sink(event);
  }
}
