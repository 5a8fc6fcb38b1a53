import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cluster, startCluster } from '../support/cluster';
import { connectPerson, eventually, type LiveClient } from '../support/live-client';
import {
  createFairLayout,
  type FairLayout,
  registeredParticipant,
  signUp,
} from '../support/rest-client';
import { type OwnRedis, startOwnRedis } from '../support/redis-server';
import { testDatabaseUrl } from '../support/services';

describe.skipIf(!testDatabaseUrl)('a Redis restart under two live nodes', () => {
  let redis: OwnRedis;
  let cluster: Cluster;
  let layout: FairLayout;
  const clients: LiveClient[] = [];

  beforeAll(async () => {
    redis = await startOwnRedis();
    cluster = await startCluster({
      databaseAdminUrl: testDatabaseUrl ?? '',
      redisUrl: redis.url,
      nodes: 2,
    });
    const url = cluster.nodes[0]?.url ?? '';
    layout = await createFairLayout(url, await signUp(url, 'Olli Järjestäjä'), {
      rooms: 1,
      tables: 2,
    });
  }, 120_000);
  afterAll(async () => {
    for (const client of clients) client.close();
    await cluster?.stop();
    await redis?.stop();
  });

  it('crashes no node, and presence is rebuilt from the live connections within 10 s', async () => {
    const roomId = layout.roomIds[0] ?? '';
    const tableId = layout.tableIds[0]?.[0] ?? '';
    const seated = await Promise.all(
      cluster.nodes.map(async (node, i) => {
        const person = await registeredParticipant(node.url, layout.inviteCode, {
          displayName: `Istuja ${i + 1}`,
          organisation: 'Setlementti ry',
        });
        const client = await connectPerson(node.url, person, layout.fairId);
        clients.push(client);
        await client.ok('presence.go', { to: { kind: 'table', tableId } });
        return { ...person, client };
      }),
    );

    await redis.stop();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await redis.start();
    const restartedAt = Date.now();

    await eventually(async () => {
      const snapshot = await seated[0]?.client.ok('presence.snapshot', {
        scope: `room:${roomId}`,
      });
      const atTable = snapshot?.scopeKind === 'room' ? snapshot.state.members : [];
      expect(atTable.map((member) => [member.person.id, member.tableId]).sort()).toEqual(
        seated.map((person) => [person.registrationId, tableId]).sort(),
      );
    }, 10_000);
    expect(Date.now() - restartedAt).toBeLessThan(10_000);
    for (const node of cluster.nodes) expect(node.process.child.exitCode).toBeNull();
    for (const { client } of seated) {
      expect(client.socket.connected).toBe(true);
      expect(await client.ok('presence.self', {})).toMatchObject({
        location: { kind: 'table', tableId },
      });
    }
    // Both nodes serve as before: ready, and a newcomer on each can take a seat.
    const otherTable = layout.tableIds[0]?.[1] ?? '';
    for (const [i, node] of cluster.nodes.entries()) {
      expect((await fetch(`${node.url}/readyz`)).status).toBe(200);
      const person = await registeredParticipant(node.url, layout.inviteCode, {
        displayName: `Myöhäinen ${i + 1}`,
        organisation: 'Monika-Naiset ry',
      });
      const client = await connectPerson(node.url, person, layout.fairId);
      clients.push(client);
      await client.ok('presence.go', { to: { kind: 'table', tableId: otherTable } });
    }
  }, 120_000);
});
