/**
 * The mesh engine: one `MeshPeerConnection` per peer the server names, the local tracks, and
 * speaking indicators from WebAudio levels. Signalling goes through the session's transport.
 */
import type {
  MediaPeerEvent,
  MediaSignalDelivery,
  MeshPeer,
  MeshSession,
  MeshSignal,
} from '@kohtaamo/protocol';
import { meshInitiator, meshPeersConnect } from '@kohtaamo/protocol';
import { SILENT, nextSpeaking } from '../audio-level';
import type { CallEngine, CallSink } from '../call-engine';
import type { LocalControls } from '../call-state';
import type { DeviceChoice } from '../devices';
import { watchLevel } from '../level-meter';
import { LocalMedia, type LocalTracks } from '../local-media';
import { MeshPeerConnection } from './mesh-peer';
import { connectablePeers, type Slot } from './mesh-plan';

export interface MeshTransport {
  signal(to: string, signal: MeshSignal): void;
}

/** Connections that are still being made do not count as trouble; broken ones do. */
const TROUBLED: readonly RTCPeerConnectionState[] = ['disconnected', 'failed'];

export class MeshCall implements CallEngine {
  private readonly local: LocalMedia;
  private readonly connections = new Map<string, MeshPeerConnection>();
  /** Everyone in the call this person may connect with, by person id. */
  private readonly peers = new Map<string, MeshPeer>();
  private readonly levelWatchers = new Map<string, () => void>();
  private audioOnly: boolean;
  private stopped = false;
  /**
   * Peer news and signals that arrive while the local tracks are still being opened. An offer
   * can come before the peers named in the join answer are set up, and a dropped offer would
   * leave the two waiting for each other for good.
   */
  private waiting: (() => void)[] | null = [];

  constructor(
    private readonly session: MeshSession,
    private readonly transport: MeshTransport,
    private readonly sink: CallSink,
    devices: DeviceChoice,
    private readonly controls: LocalControls,
  ) {
    this.audioOnly = controls.audioOnly;
    this.local = new LocalMedia(devices, (kind) => this.localEnded(kind));
  }

  async start(): Promise<void> {
    const { self } = this.session;
    const publishes = self.publishes;
    const tracks = await this.local.start({
      microphone: publishes,
      camera: publishes && this.controls.cameraOn && !this.audioOnly,
    });
    if (this.stopped) return;
    // Watching (the stage audience) opens nothing, which says nothing about the person's
    // choices: the controls stay as they were, so the next table starts with camera and sound.
    if (publishes) {
      this.local.setMicrophoneEnabled(this.controls.micOn);
      this.sink({
        type: 'controls',
        changes: { cameraOn: tracks.camera !== null, micOn: this.controls.micOn && !!tracks.audio },
      });
    }
    this.sink({
      type: 'participant',
      id: self.person.id,
      changes: {
        name: self.person.name,
        isLocal: true,
        audio: tracks.audio,
        camera: tracks.camera,
      },
    });
    this.watchSpeaking(self.person.id, tracks.audio);
    for (const peer of connectablePeers(self, this.session.peers)) this.addPeer(peer);
    const waiting = this.waiting ?? [];
    this.waiting = null;
    for (const handle of waiting) handle();
    this.sink({ type: 'connected' });
  }

  /** The server says someone joined (or rejoined) or left the call. */
  peerChanged(event: MediaPeerEvent): void {
    if (this.waiting) {
      this.waiting.push(() => this.peerChanged(event));
      return;
    }
    const id = event.peer.person.id;
    this.removePeer(id);
    if (event.present && meshPeersConnect(this.session.self, event.peer)) this.addPeer(event.peer);
  }

  signal(delivery: MediaSignalDelivery): void {
    if (this.waiting) {
      this.waiting.push(() => this.signal(delivery));
      return;
    }
    const peer = this.peers.get(delivery.from);
    // Signals only come from people the server named; anything else is stale.
    if (!peer || this.stopped) return;
    const connection = this.connections.get(delivery.from) ?? this.connect(peer);
    void connection.receive(delivery.signal);
  }

  async setMicrophone(on: boolean): Promise<void> {
    this.local.setMicrophoneEnabled(on);
    this.sink({ type: 'controls', changes: { micOn: on && this.local.current().audio !== null } });
  }

  async setCamera(on: boolean): Promise<void> {
    const track = await this.local.setCamera(on && !this.audioOnly);
    this.localChanged();
    this.sink({ type: 'controls', changes: { cameraOn: track !== null } });
  }

  async setScreenShare(on: boolean): Promise<void> {
    const track = await this.local.setScreen(on && !this.audioOnly);
    this.localChanged();
    this.sink({ type: 'controls', changes: { screenOn: track !== null } });
  }

  async setAudioOnly(on: boolean): Promise<void> {
    this.audioOnly = on;
    if (on) {
      await this.local.setCamera(false);
      await this.local.setScreen(false);
    }
    this.localChanged();
    this.sink({
      type: 'controls',
      changes: { audioOnly: on, cameraOn: this.local.current().camera !== null, screenOn: false },
    });
  }

  stop(): void {
    this.stopped = true;
    for (const connection of this.connections.values()) connection.close();
    this.connections.clear();
    for (const stopWatching of this.levelWatchers.values()) stopWatching();
    this.levelWatchers.clear();
    this.local.stopAll();
  }

  private addPeer(peer: MeshPeer): void {
    const id = peer.person.id;
    this.peers.set(id, peer);
    this.sink({ type: 'participant', id, changes: { name: peer.person.name, isLocal: false } });
    // The other side connects when our offer arrives; if they initiate, we wait for theirs.
    if (meshInitiator(this.session.self, peer) === this.session.self.person.id) this.connect(peer);
  }

  private removePeer(id: string): void {
    this.peers.delete(id);
    this.connections.get(id)?.close();
    this.connections.delete(id);
    this.levelWatchers.get(id)?.();
    this.levelWatchers.delete(id);
    this.sink({ type: 'participantGone', id });
    this.reportHealth();
  }

  private connect(peer: MeshPeer): MeshPeerConnection {
    const id = peer.person.id;
    const connection = new MeshPeerConnection({
      self: this.session.self,
      peer,
      iceServers: this.session.iceServers,
      local: () => this.local.current(),
      audioOnly: () => this.audioOnly,
      send: (signal) => this.transport.signal(id, signal),
      onRemoteTrack: (slot, track) => this.remoteTrack(id, slot, track),
      onStateChange: () => this.reportHealth(),
    });
    this.connections.set(id, connection);
    return connection;
  }

  private remoteTrack(id: string, slot: Slot, track: MediaStreamTrack | null): void {
    if (this.stopped || !this.peers.has(id)) return;
    this.sink({ type: 'participant', id, changes: { [slot]: track } });
    if (slot === 'audio') this.watchSpeaking(id, track);
  }

  private watchSpeaking(id: string, track: MediaStreamTrack | null): void {
    this.levelWatchers.get(id)?.();
    this.levelWatchers.delete(id);
    if (!track) return;
    let state = SILENT;
    const stop = watchLevel(track, (level) => {
      // A muted microphone still measures the room; what the others hear is silence.
      const heard = track.enabled ? level : 0;
      const next = nextSpeaking(state, heard, Date.now());
      if (next.speaking !== state.speaking) {
        this.sink({ type: 'participant', id, changes: { speaking: next.speaking } });
      }
      state = next;
    });
    this.levelWatchers.set(id, stop);
  }

  private localChanged(): void {
    const tracks: LocalTracks = this.local.current();
    if (this.session.self.publishes)
      this.sink({
        type: 'participant',
        id: this.session.self.person.id,
        changes: { audio: tracks.audio, camera: tracks.camera, screen: tracks.screen },
      });
    for (const connection of this.connections.values()) connection.update();
  }

  private localEnded(kind: keyof LocalTracks): void {
    if (this.stopped) return;
    this.localChanged();
    if (kind === 'screen') this.sink({ type: 'controls', changes: { screenOn: false } });
    if (kind === 'camera') this.sink({ type: 'controls', changes: { cameraOn: false } });
  }

  private reportHealth(): void {
    if (this.stopped) return;
    const troubled = [...this.connections.values()].some((c) => TROUBLED.includes(c.state));
    this.sink({ type: troubled ? 'interrupted' : 'connected' });
  }
}
