import type { MediaTrack } from '@kohtaamo/protocol';
import { type RoomServiceClient, TrackSource, TwirpError } from 'livekit-server-sdk';
import type { MediaControl } from './media-control';
import { livekitRoomName } from './places';

const SOURCES_OF: Record<MediaTrack, TrackSource[]> = {
  microphone: [TrackSource.MICROPHONE],
  camera: [TrackSource.CAMERA],
  screen_share: [TrackSource.SCREEN_SHARE, TrackSource.SCREEN_SHARE_AUDIO],
};

/** Someone who already left the room is where removing them would have put them. */
function isNotFound(err: unknown): boolean {
  return err instanceof TwirpError && (err.status === 404 || err.code === 'not_found');
}

/** Moderation through LiveKit's room service; identity is the person id, as in the tokens. */
export function createLivekitControl(rooms: RoomServiceClient): MediaControl {
  return {
    async muteTrack({ fairId, personId }, place, track) {
      const room = livekitRoomName(fairId, place);
      let participant;
      try {
        participant = await rooms.getParticipant(room, personId);
      } catch (err) {
        if (isNotFound(err)) return;
        throw err;
      }
      const sources = SOURCES_OF[track];
      for (const published of participant.tracks) {
        if (!sources.includes(published.source) || published.muted) continue;
        await rooms.mutePublishedTrack(room, personId, published.sid, true);
      }
    },

    async removeFromCall({ fairId, personId }, place) {
      try {
        await rooms.removeParticipant(livekitRoomName(fairId, place), personId);
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
    },
  };
}
