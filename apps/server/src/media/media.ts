import type { MediaPlace, MediaSession, MeshSignal } from '@kohtaamo/protocol';
import { RoomServiceClient, type WebhookEvent } from 'livekit-server-sdk';
import type { LivekitConfig, MediaConfig } from '../config';
import type { Logger } from '../observability/logger';
import type { Presence, PresenceChange } from '../presence/types';
import type { Member } from '../realtime/handshake';
import { RealtimeError } from '../realtime/realtime-error';
import type { Store } from '../store/types';
import { createLivekitControl } from './livekit-control';
import { mintLivekitSession } from './livekit-tokens';
import type { MediaControl } from './media-control';
import { createMeshCalls, type MediaIo, type MeshCalls } from './mesh-calls';
import { createPeopleLookup } from './people';
import { isAtPlace, mediaPlaceOf, parseLivekitRoomName } from './places';

export interface MediaDeps {
  config: MediaConfig;
  presence: Presence;
  store: Store;
  io: MediaIo;
  logger: Logger;
  now: () => Date;
  /**
   * Stands the person up from the table (to its room) through live presence, so diffs reach
   * everyone, if presence still shows them there.
   */
  standUp(fairId: string, personId: string, tableId: string): Promise<void>;
}

type MediaPath =
  | { mode: 'livekit'; livekit: LivekitConfig; control: MediaControl }
  | { mode: 'mesh'; mesh: MeshCalls; control: MediaControl };

function meshPath(mesh: MeshCalls): MediaPath {
  return { mode: 'mesh', mesh, control: mesh.control };
}

/** A role change reaches mesh calls within this time. */
const PEOPLE_MAX_AGE_MS = 30_000;

/**
 * Media follows seats: every way into a call checks presence first. LiveKit when configured,
 * otherwise the peer-to-peer mesh; callers never need to know which.
 */
export function createMedia(deps: MediaDeps) {
  const { config, presence, logger } = deps;
  const { livekit } = config;
  const people = createPeopleLookup(deps.store, {
    maxAgeMs: PEOPLE_MAX_AGE_MS,
    nowMs: () => deps.now().getTime(),
  });
  const path: MediaPath = livekit
    ? {
        mode: 'livekit',
        livekit,
        control: createLivekitControl(
          new RoomServiceClient(livekit.apiUrl, livekit.apiKey, livekit.apiSecret),
        ),
      }
    : meshPath(createMeshCalls({ io: deps.io, presence, people, iceServers: config.iceServers }));
  const { control } = path;

  async function isAt(fairId: string, personId: string, place: MediaPlace): Promise<boolean> {
    const placement = await presence.whereIs(fairId, personId);
    return isAtPlace(placement?.location ?? null, place);
  }

  async function requireAt(member: Member, place: MediaPlace): Promise<void> {
    if (!(await isAt(member.fairId, member.person.id, place))) {
      throw new RealtimeError(
        'NOT_SEATED',
        place.kind === 'table' ? 'You are not seated at this table' : 'You are not on the stage',
      );
    }
  }

  return {
    mode: path.mode,
    control,

    async join(socketId: string, member: Member, place: MediaPlace): Promise<MediaSession> {
      await requireAt(member, place);
      if (path.mode === 'mesh') return path.mesh.join(socketId, member, place);
      return mintLivekitSession(path.livekit, {
        fairId: member.fairId,
        person: member.person,
        role: member.role,
        place,
        ttlSeconds: config.tokenTtlSeconds,
        now: deps.now(),
      });
    },

    async leave(member: Member, place: MediaPlace): Promise<void> {
      if (path.mode === 'mesh') await path.mesh.leave(member, place);
    },

    async signal(member: Member, place: MediaPlace, to: string, signal: MeshSignal) {
      if (path.mode !== 'mesh')
        throw new RealtimeError('NOT_PEER', 'This call goes through LiveKit');
      await requireAt(member, place);
      await path.mesh.relay(member, place, to, signal);
    },

    /** Every committed change of place: someone who left a place leaves its call too. */
    placeChanged(change: PresenceChange): void {
      const place = mediaPlaceOf(change.from);
      if (!place || isAtPlace(change.to, place)) return;
      const member = { fairId: change.fairId, personId: change.person.id };
      const done =
        path.mode === 'mesh'
          ? path.mesh.left(member.fairId, member.personId, place)
          : control.removeFromCall(member, place);
      done.catch((err: unknown) => logger.warn({ err, place }, 'could not end a call on leaving'));
    },

    /**
     * LiveKit's view of who is in a room, made to agree with presence: leaving a table's room
     * stands the person up; joining a room one is not at removes them from it.
     */
    async reconcile(event: WebhookEvent): Promise<void> {
      const personId = event.participant?.identity;
      const target = parseLivekitRoomName(event.room?.name ?? '');
      if (!personId || !target) return;
      const { fairId, place } = target;
      const seated = await isAt(fairId, personId, place);
      if (event.event === 'participant_left' && seated && place.kind === 'table') {
        await deps.standUp(fairId, personId, place.tableId);
      } else if (event.event === 'participant_joined' && !seated) {
        await control.removeFromCall({ fairId, personId }, place);
      }
    },
  };
}

export type Media = ReturnType<typeof createMedia>;
