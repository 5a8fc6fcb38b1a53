import {
  type LivekitSession,
  type MediaPlace,
  type PersonRef,
  publishesAt,
  type Role,
} from '@kohtaamo/protocol';
import { AccessToken, TrackSource } from 'livekit-server-sdk';
import type { LivekitConfig } from '../config';
import { livekitRoomName } from './places';

/** Everything a seated person shares at a table; screen share may carry its own audio. */
const PUBLISHED_SOURCES = [
  TrackSource.CAMERA,
  TrackSource.MICROPHONE,
  TrackSource.SCREEN_SHARE,
  TrackSource.SCREEN_SHARE_AUDIO,
];

export interface TokenRequest {
  fairId: string;
  person: PersonRef;
  role: Role;
  place: MediaPlace;
  ttlSeconds: number;
  now: Date;
}

/**
 * A token for one LiveKit room, for a person the caller has found at that place. Table members
 * publish and subscribe; on the stage only speakers and organisers publish. Nobody gets data
 * channels or room administration: chat and moderation go through this server.
 */
export async function mintLivekitSession(
  livekit: LivekitConfig,
  request: TokenRequest,
): Promise<LivekitSession> {
  const { person, place } = request;
  const roomName = livekitRoomName(request.fairId, place);
  const publishes = publishesAt(place, request.role);
  const token = new AccessToken(livekit.apiKey, livekit.apiSecret, {
    identity: person.id,
    name: person.name,
    metadata: JSON.stringify({ organisation: person.organisation }),
    ttl: request.ttlSeconds,
  });
  token.addGrant({
    room: roomName,
    roomJoin: true,
    canSubscribe: true,
    canPublish: publishes,
    canPublishSources: publishes ? PUBLISHED_SOURCES : [],
    canPublishData: false,
    canUpdateOwnMetadata: false,
  });
  return {
    mode: 'livekit',
    place,
    url: livekit.url,
    roomName,
    token: await token.toJwt(),
    publishes,
    expiresAt: new Date(request.now.getTime() + request.ttlSeconds * 1000).toISOString(),
  };
}
