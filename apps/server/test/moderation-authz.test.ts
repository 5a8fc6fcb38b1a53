import {
  type ClientEventName,
  type ClientPayload,
  type Location,
  MediaServerEvent,
  type ModerationNotice,
  type Role,
} from '@kohtaamo/protocol';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  connectPerson,
  createPerson,
  type LiveClient,
  signInAs,
  useLiveFair,
} from './live-harness';
import { presenceBackends } from './presence-backends';

const memory = presenceBackends.find((backend) => backend.name === 'memory');
if (!memory) throw new Error('the memory presence backend is always there');

const ROLES_UNDER_TEST = [
  'organiser',
  'facilitator of this room',
  'facilitator of another room',
  'speaker',
  'participant',
] as const;
type RoleUnderTest = (typeof ROLES_UNDER_TEST)[number];

/** One moderation request, in room A unless it says otherwise. */
interface ActionCase {
  name: string;
  event: ClientEventName;
  payload: () => ClientPayload<ClientEventName>;
  /** Who may do it; everyone else must get FORBIDDEN. */
  allowed: readonly RoleUnderTest[];
  /** Makes the action possible for those allowed (e.g. a stage call to return from). */
  before?: () => Promise<void>;
}

/** Long enough for a notice sent to the target's connection to have arrived. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

const staffOfRoomA = ['organiser', 'facilitator of this room'] as const;

describe('who may moderate what (memory presence)', () => {
  const live = useLiveFair(memory, {
    tables: [
      { name: 'Pöytä 1', capacity: 6 },
      { name: 'Pöytä 2', capacity: 6 },
    ],
    otherRooms: 1,
  });
  const actors = new Map<RoleUnderTest, LiveClient>();
  let organiser: LiveClient;
  let target: LiveClient & { id: string; notices: ModerationNotice[]; mutes: number };
  let tableB: string;
  let roomA: string;
  let roomB: string;

  async function join(name: string, role: Role, rooms: string[] = []) {
    const person = await createPerson(live.store, live.fairId, name, { role, roomIds: rooms });
    return { person, client: await connectPerson(live.node.url, person, live.fairId) };
  }

  beforeAll(async () => {
    [roomA, roomB] = live.roomIds as [string, string];
    const created = await live.store.tables.create(live.fairId, roomB, { name: 'B', capacity: 6 });
    if (!created) throw new Error('table not created');
    tableB = created.id;
    const organiserRegistration = await live.store.registrations.list(live.fairId, {
      roles: ['organiser'],
    });
    const account = organiserRegistration[0];
    if (!account) throw new Error('the fair has an organiser');
    const cookie = await signInAs(live.store, account.accountId);
    organiser = await connectPerson(live.node.url, { cookie }, live.fairId);
    actors.set('organiser', organiser);
    actors.set('facilitator of this room', (await join('Fanni', 'facilitator', [roomA])).client);
    actors.set('facilitator of another room', (await join('Frans', 'facilitator', [roomB])).client);
    actors.set('speaker', (await join('Sanni', 'speaker')).client);
    actors.set('participant', (await join('Pekka', 'participant')).client);
    const { person, client } = await join('Tuomas', 'participant');
    target = Object.assign(client, { id: person.registrationId, notices: [], mutes: 0 });
    target.socket.on('moderation.notice', (notice: ModerationNotice) =>
      target.notices.push(notice),
    );
    target.socket.on(MediaServerEvent.moderation, () => (target.mutes += 1));
  });

  /** Target seated at table A1, every table open and unlocked, nobody called to the stage. */
  async function reset(): Promise<void> {
    if ((await organiser.ok('stage.status', {})).called) await organiser.ok('stage.return', {});
    for (const room of await live.store.rooms.listWithTables(live.fairId)) {
      for (const table of room.tables) {
        if (table.locked) {
          await organiser.ok('moderation.table', { tableId: table.id, change: 'unlock' });
        }
        if (table.closed) {
          await organiser.ok('moderation.table', { tableId: table.id, change: 'open' });
        }
      }
    }
    await target.ok('presence.go', { to: { kind: 'table', tableId: live.table(0) } });
  }

  /** Everything a forbidden action must leave alone. */
  async function everything() {
    const places = await Promise.all(
      (await live.store.registrations.list(live.fairId)).map(async ({ id }) => [
        id,
        (await live.presence.whereIs(live.fairId, id))?.location ?? null,
      ]),
    );
    return {
      places: Object.fromEntries(places) as Record<string, Location | null>,
      rooms: await Promise.all(live.roomIds.map((id) => live.presence.room(live.fairId, id))),
      tables: await live.store.rooms.listWithTables(live.fairId),
      log: await live.store.moderationLog.list(live.fairId, 500),
      stage: await live.store.stageCalls.current(live.fairId),
      notices: target.notices.length,
      mutes: target.mutes,
    };
  }

  const cases: ActionCase[] = [
    {
      name: 'mute a microphone',
      event: 'moderation.mute',
      payload: () => ({ person: target.id, track: 'microphone' }),
      allowed: staffOfRoomA,
    },
    {
      name: 'mute a camera',
      event: 'moderation.mute',
      payload: () => ({ person: target.id, track: 'camera', reason: 'Please' }),
      allowed: staffOfRoomA,
    },
    {
      name: 'remove from the table',
      event: 'moderation.remove',
      payload: () => ({ person: target.id, from: 'table' }),
      allowed: staffOfRoomA,
    },
    {
      name: 'remove from the room',
      event: 'moderation.remove',
      payload: () => ({ person: target.id, from: 'room', reason: 'Spam' }),
      allowed: staffOfRoomA,
    },
    {
      name: 'move to another table of the room',
      event: 'moderation.move',
      payload: () => ({ person: target.id, tableId: live.table(1) }),
      allowed: staffOfRoomA,
    },
    {
      name: 'move to a table of another room',
      event: 'moderation.move',
      payload: () => ({ person: target.id, tableId: tableB }),
      allowed: ['organiser'],
    },
    ...(['lock', 'close'] as const).map((change) => ({
      name: `${change} a table`,
      event: 'moderation.table' as const,
      payload: () => ({ tableId: live.table(0), change }),
      allowed: staffOfRoomA,
    })),
    ...(['unlock', 'open'] as const).map((change) => ({
      name: `${change} a table`,
      event: 'moderation.table' as const,
      payload: () => ({ tableId: live.table(1), change }),
      allowed: staffOfRoomA,
      async before() {
        const undo = change === 'unlock' ? 'lock' : 'close';
        await organiser.ok('moderation.table', { tableId: live.table(1), change: undo });
      },
    })),
    {
      name: 'broadcast to the room',
      event: 'moderation.broadcast',
      payload: () => ({ audience: { kind: 'room', roomId: roomA }, text: 'Tauko alkaa' }),
      allowed: staffOfRoomA,
    },
    {
      name: 'broadcast to the fair',
      event: 'moderation.broadcast',
      payload: () => ({ audience: { kind: 'fair' }, text: 'Tervetuloa' }),
      allowed: ['organiser'],
    },
    {
      name: 'call everyone to the stage',
      event: 'stage.call',
      payload: () => ({}),
      allowed: ['organiser'],
    },
    {
      name: 'send everyone back to their tables',
      event: 'stage.return',
      payload: () => ({}),
      allowed: ['organiser'],
      before: async () => void (await organiser.ok('stage.call', {})),
    },
  ];

  for (const action of cases) {
    for (const role of ROLES_UNDER_TEST) {
      const allowed = action.allowed.includes(role);
      it(`${role}: ${action.name} → ${allowed ? 'allowed' : 'FORBIDDEN'}`, async () => {
        await reset();
        await action.before?.();
        const actor = actors.get(role);
        if (!actor) throw new Error(`no ${role}`);
        const before = await everything();
        const ack = await actor.request(action.event, action.payload() as never);
        if (allowed) {
          expect(ack).toMatchObject({ ok: true });
          const log = await live.store.moderationLog.list(live.fairId, 1);
          expect(log[0]?.action.kind).toBe(action.event.replace('moderation.', ''));
        } else {
          expect(ack).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
          await settle();
          expect(await everything()).toEqual(before);
        }
      });
    }
  }
});
