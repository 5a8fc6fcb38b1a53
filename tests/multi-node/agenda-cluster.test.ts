import { type AgendaCue, apiRoutes, buildPath, type LiveAgendaState } from '@kohtaamo/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cluster, startCluster } from '../support/cluster';
import { connectPerson, eventually, type LiveClient } from '../support/live-client';
import {
  createFairLayout,
  type FairLayout,
  registeredParticipant,
  type RestSession,
  signUp,
} from '../support/rest-client';
import { testDatabaseUrl, testRedisUrl } from '../support/services';

const services =
  testDatabaseUrl && testRedisUrl ? { databaseUrl: testDatabaseUrl, redisUrl: testRedisUrl } : null;
const MINUTE_MS = 60_000;

/** Someone connected to one of the nodes, and every agenda event they heard. */
interface Listener {
  client: LiveClient;
  node: number;
  cues: AgendaCue[];
  states: LiveAgendaState[];
}

function listen(client: LiveClient, node: number): Listener {
  const listener: Listener = { client, node, cues: [], states: [] };
  client.socket.on('agenda.cue', (cue: AgendaCue) => listener.cues.push(cue));
  client.socket.on('agenda.state', (state: LiveAgendaState) => listener.states.push(state));
  return listener;
}

const kindsOf = (listener: Listener) => listener.cues.map((cue) => cue.kind);
const settle = () => new Promise((resolve) => setTimeout(resolve, 500));

describe.skipIf(!services)('the live agenda on two nodes sharing Redis and PostgreSQL', () => {
  let cluster: Cluster;
  let organiser: RestSession;
  let layout: FairLayout;
  let roundId: string;
  const nodeUrl = (index: number) => cluster.nodes[index % 2]?.url ?? '';
  const listeners: Listener[] = [];
  let olli: Listener;
  let inRoom: Listener[];
  let inLobby: Listener[];

  async function addItem(body: Record<string, unknown>): Promise<string> {
    const response = await fetch(
      `${nodeUrl(0)}${buildPath(apiRoutes.agenda, { fairId: layout.fairId })}`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: organiser.cookie },
        body: JSON.stringify(body),
      },
    );
    if (response.status !== 201) throw new Error(`agenda item refused: ${await response.text()}`);
    return ((await response.json()) as { item: { id: string } }).item.id;
  }

  beforeAll(async () => {
    if (!services) return;
    cluster = await startCluster({
      databaseAdminUrl: services.databaseUrl,
      redisUrl: services.redisUrl,
      nodes: 2,
    });
    organiser = await signUp(nodeUrl(0), 'Olli Järjestäjä');
    layout = await createFairLayout(nodeUrl(0), organiser, { rooms: 2, tables: 1 });
    const now = Date.now();
    roundId = await addItem({
      kind: 'networking_round',
      title: { fi: 'Kierros 1' },
      startsAt: new Date(now - 5 * MINUTE_MS).toISOString(),
      endsAt: new Date(now + 10 * MINUTE_MS).toISOString(),
    });
    await addItem({
      kind: 'closing',
      title: { fi: 'Päätös' },
      startsAt: new Date(now + 10 * MINUTE_MS).toISOString(),
      endsAt: new Date(now + 20 * MINUTE_MS).toISOString(),
    });
    const organiserClient = await connectPerson(nodeUrl(0), organiser, layout.fairId);
    olli = listen(organiserClient, 0);
    listeners.push(olli);
    const people = await Promise.all(
      Array.from({ length: 6 }, async (_, i) => {
        const person = await registeredParticipant(nodeUrl(i), layout.inviteCode, {
          displayName: `Osallistuja ${i + 1}`,
          organisation: `Järjestö ${i}`,
        });
        return listen(await connectPerson(nodeUrl(i), person, layout.fairId), i % 2);
      }),
    );
    listeners.push(...people);
    inRoom = people.slice(0, 4);
    inLobby = people.slice(4);
    const roomId = layout.roomIds[0] ?? '';
    await Promise.all(
      inRoom.map(({ client }) => client.ok('presence.go', { to: { kind: 'room', roomId } })),
    );
  }, 120_000);

  afterAll(async () => {
    for (const listener of listeners) listener.client.close();
    await cluster?.stop();
  });

  it('a room round started on node A is announced once to each person in the room, on both nodes', async () => {
    const roomId = layout.roomIds[0] ?? '';
    expect(new Set(inRoom.map((listener) => listener.node))).toEqual(new Set([0, 1]));
    await olli.client.ok('agenda.roomRound', { round: { action: 'start', roomId, minutes: 15 } });
    for (const listener of inRoom) {
      await eventually(() => expect(kindsOf(listener)).toEqual(['round.started']));
    }
    await settle();
    for (const listener of inRoom) expect(listener.cues).toHaveLength(1);
    for (const listener of [...inLobby, olli]) expect(listener.cues).toEqual([]);
    for (const listener of inLobby) {
      await eventually(() => expect(listener.states.at(-1)?.roomRounds).toHaveLength(1));
    }
  });

  it("ending the fair's round by hand on node A reaches everyone on both nodes exactly once", async () => {
    for (const listener of listeners) listener.cues.length = 0;
    await olli.client.ok('agenda.control', { control: { kind: 'item.end', itemId: roundId } });
    for (const listener of listeners) {
      await eventually(() => expect(kindsOf(listener)).toContain('round.ended'));
    }
    await settle();
    for (const listener of listeners) {
      expect(kindsOf(listener).filter((kind) => kind === 'round.ended')).toHaveLength(1);
      expect(listener.states.at(-1)?.currentId).not.toBe(roundId);
    }
  });

  it('a speech added over REST on node A is announced two minutes ahead by both nodes, once each', async () => {
    for (const listener of listeners) listener.cues.length = 0;
    const startsAt = new Date(Date.now() + 2 * MINUTE_MS + 2000).toISOString();
    const speechId = await addItem({
      kind: 'speech',
      title: { fi: 'Avauspuhe' },
      startsAt,
      endsAt: new Date(Date.parse(startsAt) + 20 * MINUTE_MS).toISOString(),
    });
    for (const listener of listeners) {
      await eventually(
        () =>
          expect(listener.cues.map((cue) => `${cue.kind} ${cue.item?.id ?? ''}`)).toEqual([
            `speech.soon ${speechId}`,
          ]),
        8000,
      );
    }
    await settle();
    for (const listener of listeners) expect(listener.cues).toHaveLength(1);
  });
});
