import type {
  Location,
  ModerationLogEntry,
  ModerationNotice,
  StageState,
} from '@kohtaamo/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useClusterFair } from '../support/cluster';
import { connectPerson, eventually, type LiveClient } from '../support/live-client';
import { assignRole, type FairLayout, registeredParticipant } from '../support/rest-client';
import { testDatabaseUrl, testRedisUrl } from '../support/services';

const services =
  testDatabaseUrl && testRedisUrl ? { databaseUrl: testDatabaseUrl, redisUrl: testRedisUrl } : null;

/** A connected person and what their client heard from moderation. */
type Person = {
  id: string;
  client: LiveClient;
  notices: ModerationNotice[];
  logged: ModerationLogEntry[];
  stage: StageState[];
};

const NODE_A = 0;
const NODE_B = 1;

function table(layout: FairLayout, room: number, index: number) {
  const roomId = layout.roomIds[room];
  const tableId = layout.tableIds[room]?.[index];
  if (!roomId || !tableId) throw new Error(`no table ${room}/${index}`);
  return { roomId, tableId };
}

describe.skipIf(!services)('moderation across two server nodes', () => {
  const fair = useClusterFair(services ?? { databaseUrl: '', redisUrl: '' }, {
    nodes: 2,
    rooms: 2,
    tables: 3,
  });
  let layout: FairLayout;
  const clients: LiveClient[] = [];
  let facilitator: Person;

  function listen(id: string, client: LiveClient): Person {
    clients.push(client);
    const person: Person = { id, client, notices: [], logged: [], stage: [] };
    client.socket.on('moderation.notice', (notice: ModerationNotice) =>
      person.notices.push(notice),
    );
    client.socket.on('moderation.logged', (entry: ModerationLogEntry) => person.logged.push(entry));
    client.socket.on('stage.state', (state: StageState) => person.stage.push(state));
    return person;
  }

  async function participant(name: string, node: number): Promise<Person> {
    const url = fair.nodeUrl(node);
    const session = await registeredParticipant(url, layout.inviteCode, {
      displayName: name,
      organisation: 'Kemin kaupunki',
    });
    return listen(session.registrationId, await connectPerson(url, session, layout.fairId));
  }

  async function organiserOn(node: number): Promise<Person> {
    const client = await connectPerson(fair.nodeUrl(node), fair.organiser, layout.fairId);
    const self = await client.ok('presence.self', {});
    expect(self.location).toEqual({ kind: 'lobby' });
    return listen('organiser', client);
  }

  async function sit(person: Person, at: { tableId: string }) {
    await person.client.ok('presence.go', { to: { kind: 'table', tableId: at.tableId } });
  }

  const lastPlace = (person: Person): Location | undefined => person.client.selves.at(-1)?.location;

  beforeAll(async () => {
    layout = fair.layout;
    const url = fair.nodeUrl(NODE_A);
    const session = await registeredParticipant(url, layout.inviteCode, {
      displayName: 'Fanni Fasilitaattori',
      organisation: 'Jyväskylän kaupunki',
    });
    await assignRole(
      url,
      fair.organiser,
      { fairId: layout.fairId, registrationId: session.registrationId },
      { role: 'facilitator', facilitatorRoomIds: [table(layout, 0, 0).roomId] },
    );
    facilitator = listen(session.registrationId, await connectPerson(url, session, layout.fairId));
  }, 60_000);

  afterAll(() => {
    for (const client of clients) client.close();
  });

  it('a facilitator on node A moves a person on node B, whose client follows to the new table', async () => {
    const from = table(layout, 0, 0);
    const to = table(layout, 0, 1);
    const moved = await participant('Siirrettävä', NODE_B);
    await sit(moved, from);
    const organiser = await organiserOn(NODE_B);

    const entry = await facilitator.client.ok('moderation.move', {
      person: moved.id,
      tableId: to.tableId,
      reason: 'Pöydässä 2 on tilaa',
    });

    await eventually(() => expect(lastPlace(moved)).toEqual({ kind: 'table', ...to }));
    await eventually(() =>
      expect(moved.notices).toEqual([
        expect.objectContaining({
          action: { kind: 'move', ...to },
          reason: 'Pöydässä 2 on tilaa',
        }),
      ]),
    );
    // Organisers anywhere see the entry, and the person is where presence says.
    await eventually(() => expect(organiser.logged).toContainEqual(entry));
    const self = await moved.client.ok('presence.self', {});
    expect(self.location).toEqual({ kind: 'table', ...to });
    organiser.client.close();
  }, 60_000);

  it('a table locked from node A refuses a sit from node B at once', async () => {
    const locked = table(layout, 0, 2);
    const hopeful = await participant('Toiveikas', NODE_B);
    await facilitator.client.ok('moderation.table', { tableId: locked.tableId, change: 'lock' });

    const refused = await hopeful.client.request('presence.go', {
      to: { kind: 'table', tableId: locked.tableId },
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'TABLE_LOCKED' } });

    await facilitator.client.ok('moderation.table', { tableId: locked.tableId, change: 'unlock' });
    await sit(hopeful, locked);
  }, 60_000);

  it('everyone to the stage and back returns each person to their own place, on both nodes', async () => {
    const places = [
      { node: NODE_A, at: table(layout, 1, 0) },
      { node: NODE_B, at: table(layout, 1, 0) },
      { node: NODE_A, at: table(layout, 1, 1) },
      { node: NODE_B, at: table(layout, 1, 2) },
    ];
    const seated = await Promise.all(
      places.map(async ({ node, at }, i) => {
        const person = await participant(`Kuulija ${i + 1}`, node);
        await sit(person, at);
        return { person, home: { kind: 'table', ...at } as Location };
      }),
    );
    const standing = await participant('Seisoja', NODE_B);
    const roomId = table(layout, 1, 0).roomId;
    await standing.client.ok('presence.go', { to: { kind: 'room', roomId } });
    const everyone = [...seated, { person: standing, home: { kind: 'room', roomId } as Location }];

    const caller = await organiserOn(NODE_A);
    const called = await caller.client.ok('stage.call', { reason: 'Avauspuhe alkaa' });
    expect(called.state.called).toBe(true);
    for (const { person } of everyone) {
      await eventually(() => expect(lastPlace(person)).toEqual({ kind: 'stage' }));
      await eventually(() => expect(person.stage.at(-1)).toEqual(called.state));
    }

    // The seats are held: someone new on the other node cannot take one meanwhile.
    const latecomer = await participant('Myöhästyjä', NODE_B);
    const taken = await latecomer.client.request('presence.go', {
      to: { kind: 'table', tableId: table(layout, 1, 0).tableId },
    });
    expect(taken).toMatchObject({ ok: false, error: { code: 'TABLE_LOCKED' } });

    // The organiser's next connection is on the other node; it sends everyone back from there.
    caller.client.close();
    const returner = await organiserOn(NODE_B);
    const returned = await returner.client.ok('stage.return', {});
    expect(returned.state).toEqual({ called: false, since: null });
    expect(returned.entry.action).toMatchObject({ kind: 'stage.return' });
    for (const { person, home } of everyone) {
      await eventually(() => expect(lastPlace(person)).toEqual(home));
      const self = await person.client.ok('presence.self', {});
      expect(self.location).toEqual(home);
    }

    // The hold is gone with the call.
    await latecomer.client.ok('presence.go', {
      to: { kind: 'table', tableId: table(layout, 1, 0).tableId },
    });
  }, 90_000);
});
