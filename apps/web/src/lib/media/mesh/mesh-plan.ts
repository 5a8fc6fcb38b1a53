/**
 * Pure decisions of the mesh: whom to connect with, what to send and receive on each slot of a
 * peer connection. The connections themselves are in `mesh-peer.ts`.
 */
import { type MeshPeer, meshPeersConnect } from '@kohtaamo/protocol';

/**
 * Every peer connection carries the same three transceivers, created by the initiator in this
 * order; the answering side finds them in the same order, so the index says what a track is.
 */
export const SLOTS = ['audio', 'camera', 'screen'] as const;
export type Slot = (typeof SLOTS)[number];

export function slotKind(slot: Slot): 'audio' | 'video' {
  return slot === 'audio' ? 'audio' : 'video';
}

export function slotAt(index: number): Slot | null {
  return SLOTS[index] ?? null;
}

/** What one side of a connection wants on a slot, as the transceiver direction it sets. */
export function slotDirection(options: {
  slot: Slot;
  /** A local track is on this slot (microphone open, camera on, screen shared). */
  hasTrack: boolean;
  /** The other side may publish (always at a table; speakers and organisers on the stage). */
  peerPublishes: boolean;
  audioOnly: boolean;
}): RTCRtpTransceiverDirection {
  const video = slotKind(options.slot) === 'video';
  const send = options.hasTrack && !(video && options.audioOnly);
  const receive = options.peerPublishes && !(video && options.audioOnly);
  if (send && receive) return 'sendrecv';
  if (send) return 'sendonly';
  if (receive) return 'recvonly';
  return 'inactive';
}

/** The people of a call this person connects with. */
export function connectablePeers(self: MeshPeer, peers: readonly MeshPeer[]): MeshPeer[] {
  return peers.filter((peer) => meshPeersConnect(self, peer));
}

/** Which connections to open and which to close to match the peers the server announced. */
export function diffPeers(
  connectedIds: Iterable<string>,
  wanted: readonly MeshPeer[],
): { open: MeshPeer[]; close: string[] } {
  const current = new Set(connectedIds);
  const wantedIds = new Set(wanted.map((peer) => peer.person.id));
  return {
    open: wanted.filter((peer) => !current.has(peer.person.id)),
    close: [...current].filter((id) => !wantedIds.has(id)),
  };
}
