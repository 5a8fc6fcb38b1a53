import { beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../src/store/types';
import {
  connectPerson,
  createPerson,
  eventually,
  type LiveClient,
  type LiveNode,
  useLiveFair,
} from './live-harness';
import { presenceBackends } from './presence-backends';

/** Short limits so the test waits seconds, not the two minutes people get. */
const RECONNECT_GRACE_MS = 8000;
const PRESENCE_TTL_MS = 3000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Cuts the network under the socket, as a dropped Wi-Fi does, and reconnects after `ms`. */
async function dropFor(client: LiveClient, ms: number): Promise<void> {
  const dropped = new Promise((resolve) => client.socket.once('disconnect', resolve));
  client.socket.io.engine.close();
  // The client reads it as its own forced close; the server sees the transport vanish.
  expect(await dropped).toBe('forced close');
  await sleep(ms);
  const reconnected = new Promise<void>((resolve) =>
    client.socket.once('connect', () => resolve()),
  );
  client.socket.connect();
  await reconnected;
}

describe.each(presenceBackends)('a dropped connection ($name)', (backend) => {
  const live = useLiveFair(backend, {
    presenceTtlMs: PRESENCE_TTL_MS,
    reconnectGraceMs: RECONNECT_GRACE_MS,
  });
  let store: Store;
  let node: LiveNode;
  let fairId: string;
  let roomId: string;
  let tableId: string;
  beforeAll(() => {
    ({ store, node, fairId, roomId } = live);
    tableId = live.table(0);
  });

  async function seated(name: string) {
    const person = await createPerson(store, fairId, name);
    const client = await connectPerson(node.url, person, fairId);
    await client.ok('presence.go', { to: { kind: 'table', tableId } });
    return { person, client };
  }

  it('keeps the seat through a 5 s drop and delivers the diffs it missed', async () => {
    const { person, client } = await seated('Paula Pätkivä');
    const watcher = await seated('Ville Valvoja');
    const newcomer = await createPerson(store, fairId, 'Nea Uusi');

    const drop = dropFor(client, 5000);
    await sleep(500);
    const late = await connectPerson(node.url, newcomer, fairId);
    await late.ok('presence.go', { to: { kind: 'table', tableId } });
    await drop;

    expect(client.socket.recovered).toBe(true);
    await eventually(() =>
      expect(client.diffs.at(-1)?.change).toMatchObject({
        kind: 'member',
        present: true,
        tableId,
        person: { id: newcomer.registrationId },
      }),
    );
    expect(await client.ok('presence.self', {})).toEqual({
      location: { kind: 'table', roomId, tableId },
      scope: `room:${roomId}`,
    });
    const leftDiffs = watcher.client.diffs.filter(
      (diff) =>
        diff.change.kind === 'member' &&
        diff.change.person.id === person.registrationId &&
        !diff.change.present,
    );
    expect(leftDiffs).toEqual([]);
    const intervals = (await store.seatIntervals.list(fairId)).filter(
      (interval) => interval.registrationId === person.registrationId,
    );
    expect(intervals).toEqual([expect.objectContaining({ leftAt: null })]);
    for (const each of [client, watcher.client, late]) each.close();
  }, 20_000);

  it('frees the seat of a connection gone longer than the limit, from when it dropped', async () => {
    const { person, client } = await seated('Lauri Lähtijä');
    const watcher = await seated('Vilja Valvoja');
    const droppedAt = Date.now();
    const drop = dropFor(client, RECONNECT_GRACE_MS + 2000);
    await eventually(
      () =>
        expect(watcher.client.diffs.at(-1)?.change).toMatchObject({
          kind: 'member',
          present: false,
          person: { id: person.registrationId },
        }),
      RECONNECT_GRACE_MS + 2000,
    );
    expect(Date.now() - droppedAt).toBeGreaterThanOrEqual(RECONNECT_GRACE_MS - 100);
    await drop;

    expect(client.socket.recovered).toBe(false);
    expect(await client.ok('presence.self', {})).toEqual({
      location: { kind: 'lobby' },
      scope: 'lobby',
    });
    const [interval] = (await store.seatIntervals.list(fairId)).filter(
      (entry) => entry.registrationId === person.registrationId,
    );
    expect(interval?.leftAt?.getTime()).toBeGreaterThanOrEqual(droppedAt - 50);
    expect(interval?.leftAt?.getTime()).toBeLessThan(droppedAt + 1000);
    for (const each of [client, watcher.client]) each.close();
  }, 30_000);
});
