import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useClusterFair } from '../support/cluster';
import { connectPerson, eventually, type LiveClient } from '../support/live-client';
import { addRoom, addTable, type FairLayout, registeredParticipant } from '../support/rest-client';
import { ScopeFollower } from '../support/scope-follower';
import { testDatabaseUrl, testRedisUrl } from '../support/services';

/** Runs `task` for 0..count-1 with at most `limit` at once (sign-ups hash passwords for real). */
async function times<T>(count: number, limit: number, task: (i: number) => Promise<T>) {
  const results: T[] = new Array<T>(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < count) {
        const i = next++;
        results[i] = await task(i);
      }
    }),
  );
  return results;
}

const services =
  testDatabaseUrl && testRedisUrl ? { databaseUrl: testDatabaseUrl, redisUrl: testRedisUrl } : null;

function first<T>(items: readonly T[] | undefined): T {
  const item = items?.[0];
  if (item === undefined) throw new Error('expected at least one item');
  return item;
}

describe.skipIf(!services)('two server nodes sharing Redis and PostgreSQL', () => {
  const fair = useClusterFair(services ?? { databaseUrl: '', redisUrl: '' }, {
    nodes: 2,
    rooms: 2,
    tables: 2,
  });
  let layout: FairLayout;
  const nodeUrl = (index: number) => fair.nodeUrl(index);
  const clients: LiveClient[] = [];
  const followers: ScopeFollower[] = [];

  beforeAll(() => {
    layout = fair.layout;
  });
  afterAll(() => {
    for (const follower of followers) follower.stop();
    for (const client of clients) client.close();
  });

  async function people(count: number, prefix: string) {
    return times(count, 4, async (i) => {
      const url = nodeUrl(i);
      const person = await registeredParticipant(url, layout.inviteCode, {
        displayName: `${prefix} ${i + 1}`,
        organisation: `Järjestö ${i % 7}`,
      });
      const client = await connectPerson(url, person, layout.fairId);
      clients.push(client);
      return { ...person, client };
    });
  }

  it('50 people on two nodes race for one table of six: 6 sit, 44 hear TABLE_FULL, every view agrees', async () => {
    const roomId = first(layout.roomIds);
    const tableId = first(layout.tableIds[0]);
    const racers = await people(50, 'Kilpailija');
    await Promise.all(
      racers.map(({ client }) => client.ok('presence.go', { to: { kind: 'room', roomId } })),
    );
    const views = racers.map(({ client }) => new ScopeFollower(client, `room:${roomId}`));
    followers.push(...views);
    await Promise.all(views.map((view) => view.resync()));

    const answers = await Promise.all(
      racers.map(({ client }) => client.request('presence.go', { to: { kind: 'table', tableId } })),
    );

    const winners = racers.filter((_, i) => answers[i]?.ok).map((racer) => racer.registrationId);
    expect(winners).toHaveLength(6);
    const refusals = answers.filter((answer) => !answer.ok);
    expect(refusals).toHaveLength(44);
    for (const refusal of refusals)
      expect(refusal).toMatchObject({ error: { code: 'TABLE_FULL' } });
    await eventually(() => {
      for (const view of views) expect(view.seatedAt(roomId, tableId)).toEqual([...winners].sort());
    }, 10_000);
  }, 180_000);

  it('delivers a move made on one node to observers connected to the other', async () => {
    const roomId = layout.roomIds[1] ?? '';
    const tableId = first(layout.tableIds[1]);
    const [onA, onB] = await people(2, 'Tarkkailija');
    if (!onA || !onB) throw new Error('two people expected');
    await onB.client.ok('presence.go', { to: { kind: 'room', roomId } });
    const observer = new ScopeFollower(onB.client, `room:${roomId}`);
    followers.push(observer);
    await observer.resync();

    await onA.client.ok('presence.go', { to: { kind: 'table', tableId } });
    await eventually(() =>
      expect(observer.seatedAt(roomId, tableId)).toEqual([onA.registrationId]),
    );
  }, 60_000);

  it('opens a room and a table the organiser adds on one node to people on the other at once', async () => {
    const nodeB = nodeUrl(1);
    const person = await registeredParticipant(nodeB, layout.inviteCode, {
      displayName: 'Myöhäinen',
      organisation: 'Oulun kaupunki',
    });
    const onB = await connectPerson(nodeB, person, layout.fairId);
    clients.push(onB);
    // Node B has just loaded the fair's rooms; only being told of the change makes it see more.
    await onB.ok('presence.go', { to: { kind: 'room', roomId: first(layout.roomIds) } });
    const nodeA = nodeUrl(0);
    const roomId = await addRoom(nodeA, fair.organiser, layout.fairId, 'Terveys');
    const tableId = await addTable(
      nodeA,
      fair.organiser,
      { fairId: layout.fairId, roomId },
      { name: 'Uusi', capacity: 4 },
    );

    await eventually(async () => {
      const answer = await onB.request('presence.go', { to: { kind: 'table', tableId } });
      expect(answer).toMatchObject({ ok: true, data: { location: { kind: 'table', tableId } } });
    }, 2_000);
  }, 60_000);
});
