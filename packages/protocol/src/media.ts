import { z } from 'zod';
import { idSchema, personRefSchema } from './common';
import type { Role } from './registrations';

/**
 * Video and audio at the tables and on the stage. Media follows seats: only a person whom
 * presence shows at a table (or on the stage) may take part in its call, and leaving the place
 * ends their part in it. The server decides the media path; the client learns it from the
 * answer to `media.join` and never chooses it.
 *
 * ## Joining (both paths)
 *
 * 1. Sit down (`presence.go` to a table) or go to the stage; wait for its acknowledgement.
 * 2. Send `media.join { place }`. Refusals: `NOT_SEATED` (403, presence does not show you
 *    there: you moved, or your seat was lost), `MEDIA_FULL` (409, the mesh stage already has
 *    `MESH_STAGE_AUDIENCE_LIMIT` viewers: "the stage is full for video; larger audiences need
 *    LiveKit"). The answer is a `MediaSession`:
 *    - `mode: 'livekit'`: connect `livekit-client` to `url` with `token` (it names `roomName`,
 *      identity = your person id). `publishes` says whether the token lets you publish (table
 *      members: camera, microphone, screen share; on the stage only speakers and organisers).
 *      The token is short-lived (`expiresAt`): it is only needed to connect; LiveKit refreshes
 *      it for a live connection. To connect again later, send `media.join` again.
 *    - `mode: 'mesh'`: peer-to-peer WebRTC signalled through the server, see below.
 * 3. Leaving the seat (standing up, moving, losing it) ends your part in the call: in mesh mode
 *    the server tells your peers, in LiveKit mode it removes you from the LiveKit room. Move
 *    first, then stop your tracks and disconnect: with LiveKit, leaving its room while presence
 *    still seats you reads as having left the table, and the server stands you up.
 *    `media.leave { place }` leaves a mesh call but keeps the seat.
 *
 * ## Mesh
 *
 * - Build one `RTCPeerConnection` per peer with `iceServers` from the session (may be empty on
 *   one machine). Your peers are `peers` from the session, kept current by the server event
 *   `media.peer { place, peer, present }`: `present: true` is someone who joined the call after
 *   you (or rejoined: close any connection you have with them and start again); `present:
 *   false` is someone who left it (close the connection and drop them from the grid).
 * - Who connects with whom: at a table, everyone with everyone. On the stage, publishers
 *   (speakers and organisers, `publishes: true`) with everyone; the audience only with
 *   publishers (an audience member never hears of another one). `meshPeersConnect` says it.
 * - Who offers: `meshInitiator(a, b)`: on the stage the publisher when only one side publishes,
 *   otherwise the smaller person id. The initiator creates the connection, adds its tracks and
 *   sends the first offer as soon as it knows of the peer; the other side creates its connection
 *   when that offer arrives. Renegotiation afterwards (screen share, camera on) may start on
 *   either side: use "perfect negotiation" with `isPolitePeer(self, other)` (the non-initiator is
 *   polite: on an offer collision it rolls back and accepts the other's offer).
 * - Signalling: send `media.signal { place, to, signal }` (an offer/answer description or an ICE
 *   candidate). The server relays it only when presence shows both of you at `place` and you may
 *   connect there; it is delivered as `media.signal { place, from, signal }` to the person's
 *   connection. Refusals (nothing is delivered): `NOT_SEATED` (you are not there), `NOT_PEER`
 *   (403: they are not there, you may not connect with them, or the place uses LiveKit).
 * - Moderation: `media.moderation { place, action: 'mute', track }` asks you to stop sending
 *   that track (show it as muted; the person may unmute themselves later);
 *   `{ place, action: 'remove' }` means you were taken out of the call: stop your tracks and
 *   close every connection of it (your peers have been told you left).
 * - Capacity: a mesh table seats at most `MESH_TABLE_LIMIT` (a seventh `presence.go` gets
 *   `TABLE_FULL`, and tables report that capacity); the mesh stage serves at most
 *   `MESH_STAGE_AUDIENCE_LIMIT` viewers besides its publishers.
 * - Reconnecting: a socket that reconnected without recovering its state (`socket.recovered`
 *   false) sends `media.join` again; peers treat it as a rejoin.
 */

/** A place that has a call. */
export const mediaPlaceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('table'), tableId: idSchema }).strict(),
  z.object({ kind: z.literal('stage') }).strict(),
]);
export type MediaPlace = z.infer<typeof mediaPlaceSchema>;

export const MEDIA_MODES = ['livekit', 'mesh'] as const;
export type MediaMode = (typeof MEDIA_MODES)[number];

/** Everyone at a mesh table connects with everyone else; six is what a laptop can carry. */
export const MESH_TABLE_LIMIT = 6;
/** Viewers of the mesh stage besides its publishers; each publisher uploads to every one. */
export const MESH_STAGE_AUDIENCE_LIMIT = 12;

/** Roles that publish on the stage; everyone else there only watches and listens. */
export const STAGE_PUBLISHER_ROLES: readonly Role[] = ['organiser', 'speaker'];

export function publishesAt(place: MediaPlace, role: Role): boolean {
  return place.kind === 'table' || STAGE_PUBLISHER_ROLES.includes(role);
}

/** `RTCIceServer` as the browser takes it. */
export const iceServerSchema = z.object({
  urls: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
  username: z.string().optional(),
  credential: z.string().optional(),
});
export type IceServer = z.infer<typeof iceServerSchema>;

/** Someone in a mesh call. */
export const meshPeerSchema = z.object({ person: personRefSchema, publishes: z.boolean() });
export type MeshPeer = z.infer<typeof meshPeerSchema>;

export const livekitSessionSchema = z.object({
  mode: z.literal('livekit'),
  place: mediaPlaceSchema,
  /** The LiveKit server to connect to (`wss://…`). */
  url: z.string(),
  /** `<fair>.<table>` or `<fair>.stage`. */
  roomName: z.string(),
  token: z.string(),
  publishes: z.boolean(),
  /** When the token stops being accepted for a new connection. */
  expiresAt: z.iso.datetime(),
});
export type LivekitSession = z.infer<typeof livekitSessionSchema>;

export const meshSessionSchema = z.object({
  mode: z.literal('mesh'),
  place: mediaPlaceSchema,
  iceServers: z.array(iceServerSchema),
  /** You as your peers see you. */
  self: meshPeerSchema,
  /** Those already in the call whom you connect with. */
  peers: z.array(meshPeerSchema),
});
export type MeshSession = z.infer<typeof meshSessionSchema>;

export const mediaSessionSchema = z.discriminatedUnion('mode', [
  livekitSessionSchema,
  meshSessionSchema,
]);
export type MediaSession = z.infer<typeof mediaSessionSchema>;

/** The longest SDP relayed; an offer with audio, video and screen share fits well within it. */
export const MAX_SDP_LENGTH = 30_000;

/** What one mesh peer sends another: a session description or an ICE candidate. */
export const meshSignalSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('description'),
    description: z.object({
      type: z.enum(['offer', 'answer']),
      sdp: z.string().max(MAX_SDP_LENGTH),
    }),
  }),
  z.object({
    kind: z.literal('candidate'),
    /** `RTCIceCandidate.toJSON()`; an empty `candidate` marks the end of candidates. */
    candidate: z.object({
      candidate: z.string().max(2048),
      sdpMid: z.string().max(64).nullish(),
      sdpMLineIndex: z.number().int().min(0).max(64).nullish(),
      usernameFragment: z.string().max(256).nullish(),
    }),
  }),
]);
export type MeshSignal = z.infer<typeof meshSignalSchema>;

/** The tracks a call knows; LiveKit's sources of the same names. */
export const MEDIA_TRACKS = ['microphone', 'camera', 'screen_share'] as const;
export const mediaTrackSchema = z.enum(MEDIA_TRACKS);
export type MediaTrack = z.infer<typeof mediaTrackSchema>;

export const mediaModerationSchema = z.discriminatedUnion('action', [
  z.object({ place: mediaPlaceSchema, action: z.literal('mute'), track: mediaTrackSchema }),
  z.object({ place: mediaPlaceSchema, action: z.literal('remove') }),
]);
export type MediaModeration = z.infer<typeof mediaModerationSchema>;

export const mediaPeerEventSchema = z.object({
  place: mediaPlaceSchema,
  peer: meshPeerSchema,
  present: z.boolean(),
});
export type MediaPeerEvent = z.infer<typeof mediaPeerEventSchema>;

export const mediaSignalDeliverySchema = z.object({
  place: mediaPlaceSchema,
  from: idSchema,
  signal: meshSignalSchema,
});
export type MediaSignalDelivery = z.infer<typeof mediaSignalDeliverySchema>;

/** `media.signal` carries SDP, bigger than other events may be. */
export const MEDIA_SIGNAL_MAX_BYTES = 32 * 1024;

/** Client → server media events; spread into `clientEvents`. */
export const mediaEvents = {
  /** Join the call of the place you are at; see the module comment for the flow. */
  'media.join': {
    payload: z.object({ place: mediaPlaceSchema }).strict(),
    result: mediaSessionSchema,
  },
  /** Leave the mesh call of the place and stay seated; nothing to do in LiveKit mode. */
  'media.leave': {
    payload: z.object({ place: mediaPlaceSchema }).strict(),
    result: z.object({}),
  },
  /** Relay one mesh signal to one person in the same call. */
  'media.signal': {
    payload: z.object({ place: mediaPlaceSchema, to: idSchema, signal: meshSignalSchema }).strict(),
    result: z.object({}),
    maxPayloadBytes: MEDIA_SIGNAL_MAX_BYTES,
  },
} as const;

/** Server → client media events; spread into `ServerEvent`. */
export const MediaServerEvent = {
  peer: 'media.peer',
  signal: 'media.signal',
  moderation: 'media.moderation',
} as const;

export interface MediaServerEvents {
  'media.peer': (event: MediaPeerEvent) => void;
  'media.signal': (delivery: MediaSignalDelivery) => void;
  'media.moderation': (notice: MediaModeration) => void;
}

/** Whether two people at the same place connect in a mesh call. */
export function meshPeersConnect(a: MeshPeer, b: MeshPeer): boolean {
  return a.person.id !== b.person.id && (a.publishes || b.publishes);
}

/** The person id of the side that sends the first offer between two mesh peers. */
export function meshInitiator(a: MeshPeer, b: MeshPeer): string {
  if (a.publishes !== b.publishes) return a.publishes ? a.person.id : b.person.id;
  return a.person.id < b.person.id ? a.person.id : b.person.id;
}

/** Perfect negotiation: the polite side yields on an offer collision. */
export function isPolitePeer(self: MeshPeer, other: MeshPeer): boolean {
  return meshInitiator(self, other) !== self.person.id;
}

export function mediaPlaceKey(place: MediaPlace): string {
  return place.kind === 'table' ? `table:${place.tableId}` : 'stage';
}
