import type { MediaPlace, MediaTrack } from '@kohtaamo/protocol';

export interface CallMember {
  fairId: string;
  personId: string;
}

/**
 * What a moderator can do to someone's media, whichever path carries it: LiveKit mutes and
 * removes through its room service; the mesh tells the person's own client to.
 */
export interface MediaControl {
  /** Stops the person sending that track; they may turn it on again themselves. */
  muteTrack(member: CallMember, place: MediaPlace, track: MediaTrack): Promise<void>;
  /** Takes the person out of the place's call; their seat is the caller's business. */
  removeFromCall(member: CallMember, place: MediaPlace): Promise<void>;
}
