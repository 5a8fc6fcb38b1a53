import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cluster, startCluster } from '../support/cluster';
import { answerCardRequest, askForCard, succeeded } from '../support/contact-client';
import { connectPerson, type LiveClient } from '../support/live-client';
import { missingWrites } from '../support/outage-checks';
import {
  keepRegistering,
  keepWriting,
  type WriteAttempt,
  type WriteTargets,
  type Writer,
} from '../support/outage-writes';
import {
  createFairLayout,
  type FairLayout,
  registeredParticipant,
  signUp,
} from '../support/rest-client';
import { testDatabaseUrl, testRedisUrl } from '../support/services';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';

const OUTAGE_MS = 5_000;
/** Writing goes on this long before the cut and after the database is back. */
const AROUND_MS = 2_000;
/** Once the database is back, every write started this much later must succeed. */
const RECOVERY_BOUND_MS = 3_000;

const services =
  testDatabaseUrl && testRedisUrl ? { databaseUrl: testDatabaseUrl, redisUrl: testRedisUrl } : null;

async function status(url: string): Promise<number> {
  return (await fetch(url)).status;
}

describe.skipIf(!services)('PostgreSQL unreachable for 5 s under two live nodes', () => {
  let proxy: TcpProxy;
  let cluster: Cluster;
  let layout: FairLayout;
  const clients: LiveClient[] = [];

  beforeAll(async () => {
    const direct = new URL(services?.databaseUrl ?? '');
    proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
    cluster = await startCluster({
      databaseAdminUrl: services?.databaseUrl ?? '',
      redisUrl: services?.redisUrl ?? '',
      nodes: 2,
      databasePort: proxy.port,
      // Each person writes a chat message every round, far faster than the chat limit lets a
      // person post; this test is about the store, so that limit is lifted here.
      env: { SOCKET_CHAT_RATE: '10000/10s' },
    });
    const url = cluster.nodes[0]?.url ?? '';
    layout = await createFairLayout(url, await signUp(url, 'Olli Järjestäjä'), {
      rooms: 1,
      tables: 3,
    });
  }, 120_000);
  afterAll(async () => {
    for (const client of clients) client.close();
    await proxy?.resume().catch(() => undefined);
    await cluster?.stop();
    await proxy?.close();
  });

  async function participant(nodeUrl: string, name: string) {
    const person = await registeredParticipant(nodeUrl, layout.inviteCode, {
      displayName: name,
      organisation: `${name} ry`,
    });
    return { ...person, nodeUrl };
  }

  it('answers every write with an acknowledgement that is stored or STORE_UNAVAILABLE, crashes no node, and serves again when the database is back', async () => {
    const [nodeA, nodeB] = cluster.nodes;
    if (!nodeA || !nodeB) throw new Error('two nodes expected');
    const fairId = layout.fairId;
    // Four writers, two per node, in two pairs who hold each other's cards (so notes are allowed).
    const people = await Promise.all(
      ['Aino', 'Bert', 'Abdi', 'Bea'].map((name, i) =>
        participant(i % 2 === 0 ? nodeA.url : nodeB.url, name),
      ),
    );
    const askable = await Promise.all(
      Array.from({ length: 12 }, (_, i) => participant(nodeA.url, `Kohde ${i + 1}`)),
    );
    const writers: Writer[] = [];
    for (const [i, person] of people.entries()) {
      const partner = people[i ^ 1];
      if (!partner) throw new Error('pairs expected');
      if (i % 2 === 0) {
        const { request } = await succeeded(
          askForCard(person.nodeUrl, person, fairId, partner.registrationId),
        );
        const ids = { fairId, exchangeId: request.id };
        await succeeded(answerCardRequest(partner.nodeUrl, partner, ids, 'accept'));
      }
      const client = await connectPerson(person.nodeUrl, person, fairId);
      clients.push(client);
      await client.ok('presence.go', { to: { kind: 'room', roomId: layout.roomIds[0] ?? '' } });
      writers.push({ ...person, client, contactId: partner.registrationId });
    }
    const targets: WriteTargets = {
      fairId,
      inviteCode: layout.inviteCode,
      roomId: layout.roomIds[0] ?? '',
      tableIds: layout.tableIds[0] ?? [],
      askable: askable.map((person) => person.registrationId),
    };

    const log: WriteAttempt[] = [];
    let stopped = false;
    const until = () => stopped;
    const writing = Promise.all([
      ...writers.map((writer) => keepWriting(writer, targets, log, until)),
      keepRegistering(nodeA.url, layout.inviteCode, log, until),
      keepRegistering(nodeB.url, layout.inviteCode, log, until),
    ]);

    await new Promise((resolve) => setTimeout(resolve, AROUND_MS));
    const cutAtMs = Date.now();
    await proxy.cut();
    await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS / 2));
    const readiness = await Promise.all(cluster.nodes.map((node) => status(`${node.url}/readyz`)));
    const liveness = await Promise.all(cluster.nodes.map((node) => status(`${node.url}/healthz`)));
    await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS / 2));
    await proxy.resume();
    const resumedAtMs = Date.now();
    await new Promise((resolve) => setTimeout(resolve, AROUND_MS + RECOVERY_BOUND_MS));
    stopped = true;
    await writing;

    // Meanwhile the nodes said they could not serve, but were alive.
    expect(readiness).toEqual([503, 503]);
    expect(liveness).toEqual([200, 200]);
    for (const node of cluster.nodes) expect(node.process.child.exitCode).toBeNull();
    expect(await Promise.all(cluster.nodes.map((node) => status(`${node.url}/readyz`)))).toEqual([
      200, 200,
    ]);

    // Every write had an answer: stored, or a clear STORE_UNAVAILABLE.
    const outcomes = new Set(log.map((write) => write.outcome));
    expect([...outcomes].sort()).toEqual(['STORE_UNAVAILABLE', 'ok']);
    const during = log.filter((w) => w.startedAtMs > cutAtMs + 200 && w.answeredAtMs < resumedAtMs);
    expect(during.length).toBeGreaterThan(0);
    expect(during.filter((write) => write.outcome === 'ok')).toEqual([]);
    // Within the bound after the database returned, every kind of write succeeds again.
    const after = log.filter((write) => write.startedAtMs > resumedAtMs + RECOVERY_BOUND_MS);
    expect(new Set(after.map((write) => write.kind))).toEqual(
      new Set(['card', 'note', 'exchange', 'seat', 'chat', 'registration']),
    );
    expect(after.filter((write) => write.outcome !== 'ok')).toEqual([]);

    // And every acknowledged write is really in PostgreSQL, read past the proxy.
    expect(await missingWrites(cluster.database, fairId, log)).toEqual([]);
  }, 90_000);
});
