import type { ClientEventName, Destination } from '@kohtaamo/protocol';
import { REGISTERED_ROLES, type HostileWorld, type WorldRole } from './hostile-world';
import type { LiveClient } from './live-harness';
import { unknownId } from './store-fixtures';

/** What a row's set-up and payload can use: the world and the connections involved. */
export interface SocketContext {
  world: HostileWorld;
  actor: LiveClient;
  target: LiveClient;
  organiser: LiveClient;
}

/** One socket event: who may send it, from where, and a payload to send. */
export interface SocketRow {
  name: string;
  event: ClientEventName;
  allow: readonly WorldRole[];
  /** Where the asker stands when asking (the target sits at table A1). */
  from: (world: HostileWorld) => Destination;
  /** Makes the request meaningful, e.g. a message to delete; returns what the payload needs. */
  before?: (context: SocketContext) => Promise<string | undefined>;
  payload: (context: SocketContext, prepared: string | undefined) => object;
}

const registered = REGISTERED_ROLES;
const staffOfRoomA = ['facilitator', 'organiser'] as const;
const organiser = ['organiser'] as const;

const lobby = (): Destination => ({ kind: 'lobby' });
const roomA = (world: HostileWorld): Destination => ({ kind: 'room', roomId: world.roomA });
const tableA1 = (world: HostileWorld): Destination => ({ kind: 'table', tableId: world.tableA1 });

/**
 * Every client → server event. Anonymous people and participants of another fair cannot open
 * a connection to fair A at all (checked once per role); their own fair's connection naming fair
 * A's things is checked per row. Chat and media follow presence rather than role, so those rows
 * put the asker where the person using them would be.
 */
export const socketTable: SocketRow[] = [
  {
    name: 'go to a room',
    event: 'presence.go',
    allow: registered,
    from: lobby,
    payload: ({ world }) => ({ to: { kind: 'room', roomId: world.roomA } }),
  },
  {
    name: 'read a room',
    event: 'presence.snapshot',
    allow: registered,
    from: lobby,
    payload: ({ world }) => ({ scope: `room:${world.roomA}` }),
  },
  {
    name: 'ask where I am',
    event: 'presence.self',
    allow: registered,
    from: lobby,
    payload: () => ({}),
  },
  {
    name: 'join the table call',
    event: 'media.join',
    allow: registered,
    from: tableA1,
    payload: ({ world }) => ({ place: { kind: 'table', tableId: world.tableA1 } }),
  },
  {
    name: 'leave the table call',
    event: 'media.leave',
    allow: registered,
    from: tableA1,
    payload: ({ world }) => ({ place: { kind: 'table', tableId: world.tableA1 } }),
  },
  {
    name: 'signal a table peer',
    event: 'media.signal',
    allow: registered,
    from: tableA1,
    before: async ({ world, actor, target }) => {
      const place = { kind: 'table', tableId: world.tableA1 } as const;
      await target.ok('media.join', { place });
      // Those who may not signal are refused before their own join matters.
      await actor.request('media.join', { place });
      return undefined;
    },
    payload: ({ world }) => ({
      place: { kind: 'table', tableId: world.tableA1 },
      to: world.target.registrationId,
      signal: { kind: 'description', description: { type: 'offer', sdp: 'v=0' } },
    }),
  },
  {
    name: 'ask for suggestions',
    event: 'meetings.suggestions',
    allow: registered,
    from: lobby,
    payload: () => ({}),
  },
  {
    name: 'chat at the table',
    event: 'chat.send',
    allow: registered,
    from: tableA1,
    payload: ({ world }) => ({ channel: { kind: 'table', tableId: world.tableA1 }, text: 'Hei' }),
  },
  {
    name: 'read the chat of a room one is not in',
    event: 'chat.history',
    allow: staffOfRoomA,
    from: lobby,
    payload: ({ world }) => ({ channel: { kind: 'room', roomId: world.roomA } }),
  },
  {
    name: "delete someone else's message",
    event: 'chat.delete',
    allow: staffOfRoomA,
    from: lobby,
    before: async ({ world, target }) =>
      (
        await target.ok('chat.send', {
          channel: { kind: 'table', tableId: world.tableA1 },
          text: 'Poistettava',
        })
      ).id,
    payload: (_context, messageId) => ({ messageId }),
  },
  {
    name: 'raise a hand',
    event: 'help.raise',
    allow: registered,
    from: roomA,
    payload: () => ({}),
  },
  {
    name: 'lower one’s hand',
    event: 'help.cancel',
    allow: registered,
    from: roomA,
    payload: () => ({}),
  },
  {
    name: 'see one’s hand',
    event: 'help.mine',
    allow: registered,
    from: roomA,
    payload: () => ({}),
  },
  {
    name: "resolve someone's hand",
    event: 'help.resolve',
    allow: staffOfRoomA,
    from: lobby,
    before: async ({ target }) => (await target.ok('help.raise', { note: 'Apua' })).id,
    payload: (_context, requestId) => ({ requestId }),
  },
  {
    name: "read a room's hands",
    event: 'help.queue',
    allow: staffOfRoomA,
    from: lobby,
    payload: ({ world }) => ({ roomId: world.roomA }),
  },
  {
    name: 'mute someone',
    event: 'moderation.mute',
    allow: staffOfRoomA,
    from: lobby,
    payload: ({ world }) => ({ person: world.target.registrationId, track: 'microphone' }),
  },
  {
    name: 'remove someone from their table',
    event: 'moderation.remove',
    allow: staffOfRoomA,
    from: lobby,
    payload: ({ world }) => ({ person: world.target.registrationId, from: 'table' }),
  },
  {
    name: 'move someone to another table of the room',
    event: 'moderation.move',
    allow: staffOfRoomA,
    from: lobby,
    payload: ({ world }) => ({ person: world.target.registrationId, tableId: world.tableA2 }),
  },
  {
    name: 'lock a table',
    event: 'moderation.table',
    allow: staffOfRoomA,
    from: lobby,
    payload: ({ world }) => ({ tableId: world.tableA2, change: 'lock' }),
  },
  {
    name: 'broadcast to the fair',
    event: 'moderation.broadcast',
    allow: organiser,
    from: lobby,
    payload: () => ({ audience: { kind: 'fair' }, text: 'Tervetuloa' }),
  },
  {
    name: 'call everyone to the stage',
    event: 'stage.call',
    allow: organiser,
    from: lobby,
    payload: () => ({}),
  },
  {
    name: 'send everyone back from the stage',
    event: 'stage.return',
    allow: organiser,
    from: lobby,
    before: async ({ organiser }) => {
      await organiser.ok('stage.call', {});
      return undefined;
    },
    payload: () => ({}),
  },
  {
    name: 'see whether a stage call is on',
    event: 'stage.status',
    allow: registered,
    from: lobby,
    payload: () => ({}),
  },
  {
    name: 'read the live agenda',
    event: 'agenda.live',
    allow: registered,
    from: lobby,
    payload: () => ({}),
  },
  {
    name: 'control the agenda',
    event: 'agenda.control',
    allow: organiser,
    from: lobby,
    // An item that does not exist: organisers get past the check and find nothing.
    payload: () => ({ control: { kind: 'item.end', itemId: unknownId() } }),
  },
  {
    name: "end a room's timed round",
    event: 'agenda.roomRound',
    allow: staffOfRoomA,
    from: lobby,
    payload: ({ world }) => ({ round: { action: 'end', roomId: world.roomA } }),
  },
];
