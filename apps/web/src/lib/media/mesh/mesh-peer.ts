/**
 * One peer-to-peer connection of a mesh call, negotiated the "perfect negotiation" way: either
 * side may renegotiate (camera on, screen share, audio-only), and when both offer at once the
 * polite side yields. The protocol names the initiator, who makes the first offer.
 */
import { type MeshPeer, type MeshSignal, isPolitePeer, meshInitiator } from '@kohtaamo/protocol';
import type { LocalTracks } from '../local-media';
import { SLOTS, type Slot, slotAt, slotDirection, slotKind } from './mesh-plan';

export interface MeshPeerOptions {
  self: MeshPeer;
  peer: MeshPeer;
  iceServers: RTCIceServer[];
  local: () => LocalTracks;
  audioOnly: () => boolean;
  send: (signal: MeshSignal) => void;
  /** A remote track started (a track) or stopped (null) arriving on a slot. */
  onRemoteTrack: (slot: Slot, track: MediaStreamTrack | null) => void;
  onStateChange: () => void;
}

const trackOf = (tracks: LocalTracks, slot: Slot): MediaStreamTrack | null =>
  slot === 'audio' ? tracks.audio : slot === 'camera' ? tracks.camera : tracks.screen;

export class MeshPeerConnection {
  readonly connection: RTCPeerConnection;
  private readonly polite: boolean;
  private readonly initiator: boolean;
  private makingOffer = false;
  private ignoreOffer = false;
  /** The first offer and answer have been exchanged; until then only the initiator offers. */
  private negotiated = false;
  /** Signals are handled one at a time, in the order they arrived. */
  private queue: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(private readonly options: MeshPeerOptions) {
    const { self, peer } = options;
    this.polite = isPolitePeer(self, peer);
    this.initiator = meshInitiator(self, peer) === self.person.id;
    const connection = new RTCPeerConnection({ iceServers: options.iceServers });
    this.connection = connection;
    connection.addEventListener('icecandidate', ({ candidate }) => {
      if (!candidate) return;
      const json = candidate.toJSON();
      options.send({
        kind: 'candidate',
        candidate: {
          candidate: json.candidate ?? '',
          sdpMid: json.sdpMid ?? null,
          sdpMLineIndex: json.sdpMLineIndex ?? null,
          usernameFragment: json.usernameFragment ?? null,
        },
      });
    });
    connection.addEventListener('negotiationneeded', () => void this.offer());
    connection.addEventListener('track', (event) => this.remoteTrack(event));
    connection.addEventListener('signalingstatechange', () => {
      if (connection.signalingState === 'stable' && connection.remoteDescription) {
        this.negotiated = true;
      }
    });
    connection.addEventListener('connectionstatechange', () => {
      // A network change (Wi-Fi to mobile) breaks the path; a fresh ICE round finds a new one.
      if (connection.connectionState === 'failed') connection.restartIce();
      options.onStateChange();
    });
    if (this.initiator) {
      for (const slot of SLOTS) {
        connection.addTransceiver(trackOf(options.local(), slot) ?? slotKind(slot), {
          direction: this.directionOf(slot),
        });
      }
    }
  }

  get state(): RTCPeerConnectionState {
    return this.connection.connectionState;
  }

  /** Handles an offer, answer or candidate from the peer. */
  receive(signal: MeshSignal): Promise<void> {
    this.queue = this.queue.then(() => this.handle(signal)).catch(() => undefined);
    return this.queue;
  }

  /** Puts the current local tracks and audio-only choice on the connection. */
  update(): void {
    const tracks = this.options.local();
    this.connection.getTransceivers().forEach((transceiver, index) => {
      const slot = slotAt(index);
      if (!slot || transceiver.currentDirection === 'stopped') return;
      const track = trackOf(tracks, slot);
      if (transceiver.sender.track !== track) void transceiver.sender.replaceTrack(track);
      const direction = this.directionOf(slot);
      // A changed direction fires `negotiationneeded`, which renegotiates.
      if (transceiver.direction !== direction) transceiver.direction = direction;
    });
  }

  close(): void {
    this.closed = true;
    this.connection.close();
  }

  private directionOf(slot: Slot): RTCRtpTransceiverDirection {
    return slotDirection({
      slot,
      hasTrack: trackOf(this.options.local(), slot) !== null,
      peerPublishes: this.options.peer.publishes,
      audioOnly: this.options.audioOnly(),
    });
  }

  private async offer(): Promise<void> {
    if (this.closed || (!this.initiator && !this.negotiated)) return;
    try {
      this.makingOffer = true;
      await this.connection.setLocalDescription();
      this.sendDescription();
    } catch {
      // The state moved on while the offer was being made; the next negotiation covers it.
    } finally {
      this.makingOffer = false;
    }
  }

  private sendDescription(): void {
    const description = this.connection.localDescription;
    if (!description || (description.type !== 'offer' && description.type !== 'answer')) return;
    this.options.send({
      kind: 'description',
      description: { type: description.type, sdp: description.sdp },
    });
  }

  private async handle(signal: MeshSignal): Promise<void> {
    if (this.closed) return;
    const connection = this.connection;
    if (signal.kind === 'candidate') {
      try {
        await connection.addIceCandidate(signal.candidate);
      } catch (error) {
        // Candidates of an offer we ignored in a collision are expected to fail.
        if (!this.ignoreOffer) throw error;
      }
      return;
    }
    const { description } = signal;
    const collision =
      description.type === 'offer' && (this.makingOffer || connection.signalingState !== 'stable');
    this.ignoreOffer = !this.polite && collision;
    if (this.ignoreOffer) return;
    // On a collision the polite side's own offer is rolled back implicitly here.
    await connection.setRemoteDescription(description);
    if (description.type !== 'offer') return;
    // The answering side finds the offer's transceivers now and puts its own tracks on them.
    this.update();
    await connection.setLocalDescription();
    this.sendDescription();
  }

  private remoteTrack(event: RTCTrackEvent): void {
    const index = this.connection.getTransceivers().indexOf(event.transceiver);
    const slot = slotAt(index);
    if (!slot) return;
    const { track } = event;
    const report = () => this.options.onRemoteTrack(slot, track.muted ? null : track);
    // A remote track is muted while nothing arrives on it: camera off, audio-only, not yet sent.
    track.addEventListener('mute', report);
    track.addEventListener('unmute', report);
    track.addEventListener('ended', () => this.options.onRemoteTrack(slot, null));
    report();
  }
}
