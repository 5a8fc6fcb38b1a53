import type { RoundSeated } from '@kohtaamo/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisPresence } from '../src/presence/redis-presence';
import type { Presence } from '../src/presence/types';
import type { Store } from '../src/store/types';
import {
  connectPerson,
  createPerson,
  eventually,
  type LiveClient,
  type LiveNode,
  startLiveNode,
} from './live-harness';
import { presenceBackends } from './presence-backends';
import type { OpenedBackend } from './presence-backends';
import { storeBackends, useStore } from './store-backends';
import { agendaItem, createFair, createRoom } from './store-fixtures';

const [pglite] = storeBackends;
const redisBackend = presenceBackends.find((backend) => backend.name === 'redis');
const TTL_MS = 15_000;

describe.runIf(pglite && redisBackend)('a round started on two nodes at once', () => {
  let store: Store;
  if (pglite) useStore(pglite, (opened) => (store = opened));
  let opened: OpenedBackend;
  let secondPresence: Presence;
  let nodes: LiveNode[] = [];
  const clients: LiveClient[] = [];

  beforeAll(async () => {
    opened = await redisBackend!.open({ ttlMs: TTL_MS });
    const redis = opened.redis!;
    secondPresence = await createRedisPresence({ ...redis, ttlMs: TTL_MS });
    nodes = [
      await startLiveNode(store, opened.presence, { redis }),
      await startLiveNode(store, secondPresence, { redis }),
    ];
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    for (const node of nodes) await node.stop();
    await secondPresence.close();
    await opened.dispose();
  });

  it('is applied once: everyone, on either node, is moved and told once', async () => {
    const { fair } = await createFair(store);
    const room = await createRoom(store, fair.id);
    for (const name of ['A', 'B', 'C']) {
      await store.tables.create(fair.id, room.id, { name, capacity: 3 });
    }
    const round = await store.agenda.create(
      fair.id,
      agendaItem({ kind: 'networking_round', place: { kind: 'room', roomId: room.id } }),
    );
    await store.rounds.putPlan(fair.id, round.id, { mode: 'shuffle', preassignments: [] });
    const people = await Promise.all(
      Array.from({ length: 8 }, async (_, i) => {
        const person = await createPerson(store, fair.id, `Osallistuja ${i}`, {
          organisation: `Järjestö ${i}`,
        });
        const client = await connectPerson(nodes[i % 2]!.url, person, fair.id);
        clients.push(client);
        const seated: RoundSeated[] = [];
        client.socket.on('round.seated', (event: RoundSeated) => seated.push(event));
        return { id: person.registrationId, client, seated };
      }),
    );

    const outcomes = await Promise.all(
      nodes.map((node) => node.realtime.rounds.roundStarted(fair.id, round.id)),
    );
    expect(outcomes.filter((outcome) => outcome.applied)).toEqual([
      expect.objectContaining({ seated: 8, refused: 0 }),
    ]);

    for (const person of people) {
      await eventually(() => expect(person.seated).toHaveLength(1));
      const told = person.seated[0]!;
      await eventually(() =>
        expect(person.client.selves.at(-1)?.location).toEqual({
          kind: 'table',
          roomId: room.id,
          tableId: told.tableId,
        }),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(people.map((person) => person.seated.length)).toEqual(people.map(() => 1));
  });
});
