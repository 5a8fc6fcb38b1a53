import {
  type IceServer,
  type MediaPlace,
  mediaPlaceKey,
  type MeshPeer,
  type MeshSession,
  type MeshSignal,
  MESH_STAGE_AUDIENCE_LIMIT,
  meshPeersConnect,
  MediaServerEvent,
  publishesAt,
  type ServerEvents,
} from '@kohtaamo/protocol';
import type { Server } from 'socket.io';
import type { Presence } from '../presence/types';
import type { Member } from '../realtime/handshake';
import type { NodeEvents } from '../realtime/node-events';
import { socketRooms } from '../realtime/places';
import { RealtimeError } from '../realtime/realtime-error';
import type { MediaControl } from './media-control';
import type { PeopleLookup } from './people';
import { callRooms, isAtPlace } from './places';

export type MediaIo = Server<Record<string, never>, ServerEvents, NodeEvents, { member: Member }>;

export interface MeshCallDeps {
  io: MediaIo;
  presence: Presence;
  people: PeopleLookup;
  iceServers: IceServer[];
}

function notPeer(message: string): RealtimeError {
  return new RealtimeError('NOT_PEER', message);
}

/**
 * Peer-to-peer calls signalled through Socket.IO. Who is in a call is the set of connections in
 * its Socket.IO room (on every node); who may be is what presence says, checked again on every
 * join and every relayed signal.
 */
export function createMeshCalls(deps: MeshCallDeps) {
  const { io, presence, people } = deps;
  /** Joins of one place run one at a time on a node, so two cannot both take the last view. */
  const joining = new Map<string, Promise<unknown>>();

  function serialized<T>(key: string, task: () => Promise<T>): Promise<T> {
    const run = (joining.get(key) ?? Promise.resolve()).catch(() => undefined).then(task);
    joining.set(key, run);
    void run
      .finally(() => {
        if (joining.get(key) === run) joining.delete(key);
      })
      .catch(() => undefined);
    return run;
  }

  async function isAt(fairId: string, personId: string, place: MediaPlace): Promise<boolean> {
    const placement = await presence.whereIs(fairId, personId);
    return isAtPlace(placement?.location ?? null, place);
  }

  /** The Socket.IO rooms a peer belongs to in the call. */
  function roomsOf(fairId: string, place: MediaPlace, peer: MeshPeer): string[] {
    const everyone = callRooms.everyone(fairId, place);
    return place.kind === 'stage' && peer.publishes
      ? [everyone, callRooms.stagePublishers(fairId)]
      : [everyone];
  }

  /** Who hears that a peer joined or left: the whole call, but only publishers of a viewer. */
  function listenersOf(fairId: string, place: MediaPlace, peer: MeshPeer): string {
    return place.kind === 'stage' && !peer.publishes
      ? callRooms.stagePublishers(fairId)
      : callRooms.everyone(fairId, place);
  }

  /** The people in the call now, by their connections, that presence still shows there. */
  async function currentPeers(fairId: string, place: MediaPlace, selfId: string) {
    const sockets = await io.in(callRooms.everyone(fairId, place)).fetchSockets();
    const byPerson = new Map<string, MeshPeer>();
    for (const { data } of sockets) {
      const { person, role } = data.member;
      if (person.id !== selfId)
        byPerson.set(person.id, { person, publishes: publishesAt(place, role) });
    }
    const checked = await Promise.all(
      [...byPerson.values()].map(async (peer) =>
        (await isAt(fairId, peer.person.id, place)) ? peer : null,
      ),
    );
    return checked.filter((peer) => peer !== null);
  }

  /** Takes the person's connections out of the call and tells those who were connected. */
  async function leftCall(fairId: string, personId: string, place: MediaPlace): Promise<void> {
    const found = await people.get(fairId, personId);
    if (!found) return;
    const peer = { person: found.person, publishes: publishesAt(place, found.role) };
    const rooms = roomsOf(fairId, place, peer);
    io.in(socketRooms.person(personId)).socketsLeave(rooms);
    io.to(listenersOf(fairId, place, peer)).emit(MediaServerEvent.peer, {
      place,
      peer,
      present: false,
    });
  }

  const control: MediaControl = {
    async muteTrack({ personId }, place, track) {
      io.to(socketRooms.person(personId)).emit(MediaServerEvent.moderation, {
        place,
        action: 'mute',
        track,
      });
    },
    async removeFromCall({ fairId, personId }, place) {
      io.to(socketRooms.person(personId)).emit(MediaServerEvent.moderation, {
        place,
        action: 'remove',
      });
      await leftCall(fairId, personId, place);
    },
  };

  return {
    control,

    /** Adds a connection whose person presence shows at the place to its call. */
    join(socketId: string, member: Member, place: MediaPlace): Promise<MeshSession> {
      const { fairId } = member;
      const self: MeshPeer = { person: member.person, publishes: publishesAt(place, member.role) };
      return serialized(`${fairId}:${mediaPlaceKey(place)}`, async () => {
        const inCall = await currentPeers(fairId, place, member.person.id);
        const viewers = inCall.filter((peer) => !peer.publishes).length;
        if (place.kind === 'stage' && !self.publishes && viewers >= MESH_STAGE_AUDIENCE_LIMIT) {
          throw new RealtimeError(
            'MEDIA_FULL',
            'The stage is full for video; larger audiences need LiveKit',
          );
        }
        io.in(socketId).socketsJoin(roomsOf(fairId, place, self));
        io.to(listenersOf(fairId, place, self))
          .except(socketId)
          .emit(MediaServerEvent.peer, { place, peer: self, present: true });
        return {
          mode: 'mesh',
          place,
          iceServers: deps.iceServers,
          self,
          peers: inCall.filter((peer) => meshPeersConnect(self, peer)),
        };
      });
    },

    /** The connection leaves the call and keeps its seat. */
    async leave(member: Member, place: MediaPlace): Promise<void> {
      await leftCall(member.fairId, member.person.id, place);
    },

    /** The person is no longer at the place (moved, stood up, lost the seat). */
    left: leftCall,

    /** Relays one signal to someone the sender may connect with at the place they share. */
    async relay(member: Member, place: MediaPlace, to: string, signal: MeshSignal): Promise<void> {
      const { fairId } = member;
      if (to === member.person.id) throw notPeer('That is you');
      if (!(await isAt(fairId, to, place))) throw notPeer('They are not in this call');
      const target = await people.get(fairId, to);
      if (!target) throw notPeer('They are not in this call');
      const self = { person: member.person, publishes: publishesAt(place, member.role) };
      const peer = { person: target.person, publishes: publishesAt(place, target.role) };
      if (!meshPeersConnect(self, peer)) throw notPeer('Viewers of the stage do not connect');
      io.to(socketRooms.person(to)).emit(MediaServerEvent.signal, {
        place,
        from: member.person.id,
        signal,
      });
    },
  };
}

export type MeshCalls = ReturnType<typeof createMeshCalls>;
