import {
  type AgendaCue,
  type AgendaKind,
  apiRoutes,
  buildPath,
  type LiveAgendaState,
  type Role,
} from '@kohtaamo/protocol';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../src/store/types';
import {
  connectPerson,
  createPerson,
  eventually,
  type LiveClient,
  type LiveNode,
  signInAs,
  useLiveFair,
} from './live-harness';
import { presenceBackends } from './presence-backends';
import { agendaItem, createFair, createRoom } from './store-fixtures';

const MINUTE_MS = 60_000;
const memory = presenceBackends.find((backend) => backend.name === 'memory');
if (!memory) throw new Error('the memory backend is always there');

/** A connected person and what the live agenda told them. */
interface Listener {
  client: LiveClient;
  registrationId: string;
  states: LiveAgendaState[];
  cues: AgendaCue[];
}

describe('the live agenda over Socket.IO on one node', () => {
  const live = useLiveFair(memory);
  let store: Store;
  let node: LiveNode;
  const clients: LiveClient[] = [];

  beforeAll(() => {
    ({ store, node } = live);
  });
  afterEach(() => {
    for (const client of clients.splice(0)) client.close();
  });

  /** A fair of its own per test (controls accumulate), with two rooms and an organiser. */
  async function newFair() {
    const { fair, organiserAccount, organiser } = await createFair(store);
    const roomId = (await createRoom(store, fair.id, 'Asuminen')).id;
    const otherRoomId = (await createRoom(store, fair.id, 'Työ')).id;
    const now = Date.now();
    const item = (kind: AgendaKind, fromMs: number, toMs: number) =>
      store.agenda.create(
        fair.id,
        agendaItem({
          kind,
          startsAt: new Date(now + fromMs).toISOString(),
          endsAt: new Date(now + toMs).toISOString(),
        }),
      );
    const round = await item('networking_round', -5 * MINUTE_MS, 10 * MINUTE_MS);
    const closing = await item('closing', 10 * MINUTE_MS, 20 * MINUTE_MS);
    const organiserCookie = await signInAs(store, organiserAccount.id);

    async function listen(registrationId: string, cookie: string): Promise<Listener> {
      const client = await connectPerson(node.url, { cookie }, fair.id);
      clients.push(client);
      const listener: Listener = { client, registrationId, states: [], cues: [] };
      client.socket.on('agenda.state', (state: LiveAgendaState) => listener.states.push(state));
      client.socket.on('agenda.cue', (cue: AgendaCue) => listener.cues.push(cue));
      return listener;
    }
    async function join(name: string, role: Role = 'participant', rooms: string[] = []) {
      const person = await createPerson(store, fair.id, name, { role, roomIds: rooms });
      return listen(person.registrationId, person.cookie);
    }
    return {
      fairId: fair.id,
      roomId,
      otherRoomId,
      round,
      closing,
      organiserCookie,
      organiser: () => listen(organiser.id, organiserCookie),
      join,
    };
  }

  it('answers the live state to anyone in the fair, with the server clock', async () => {
    const fair = await newFair();
    const aino = await fair.join('Aino');
    const state = await aino.client.ok('agenda.live', {});
    expect(state).toMatchObject({ phase: 'running', currentId: fair.round.id });
    expect(state.nextId).toBe(fair.closing.id);
    expect(Math.abs(Date.parse(state.serverNow) - Date.now())).toBeLessThan(2000);
  });

  it("an organiser's extension is stored and reaches everyone's state", async () => {
    const fair = await newFair();
    const olli = await fair.organiser();
    const people = [await fair.join('Aino'), await fair.join('Bashir')];
    const extendedEnd = Date.parse(fair.round.endsAt) + 5 * MINUTE_MS;

    const answer = await olli.client.ok('agenda.control', {
      control: { kind: 'item.extend', itemId: fair.round.id, minutes: 5 },
    });

    expect(Date.parse(answer.items[0]?.endsAt ?? '')).toBe(extendedEnd);
    expect(await store.agendaControls.list(fair.fairId)).toEqual([
      expect.objectContaining({ kind: 'item.extend', itemId: fair.round.id, minutes: 5 }),
    ]);
    for (const person of [olli, ...people]) {
      await eventually(() => {
        const latest = person.states.at(-1);
        expect(Date.parse(latest?.items[0]?.endsAt ?? '')).toBe(extendedEnd);
        expect(Date.parse(latest?.items[1]?.startsAt ?? '')).toBe(extendedEnd);
      });
    }
  });

  it('ending the round by hand announces it to each person exactly once', async () => {
    const fair = await newFair();
    const olli = await fair.organiser();
    const people = [olli, await fair.join('Aino'), await fair.join('Bashir')];
    await olli.client.ok('agenda.control', {
      control: { kind: 'item.end', itemId: fair.round.id },
    });
    for (const person of people) {
      await eventually(() => expect(person.cues.map((cue) => cue.kind)).toEqual(['round.ended']));
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const person of people) expect(person.cues).toHaveLength(1);
  });

  it('marks the fair live when an organiser starts it by hand, and closed when they end it', async () => {
    const { fair, organiserAccount } = await createFair(store);
    const inAnHour = Date.now() + 60 * MINUTE_MS;
    await store.agenda.create(
      fair.id,
      agendaItem({
        kind: 'speech',
        startsAt: new Date(inAnHour).toISOString(),
        endsAt: new Date(inAnHour + 20 * MINUTE_MS).toISOString(),
      }),
    );
    const client = await connectPerson(
      node.url,
      { cookie: await signInAs(store, organiserAccount.id) },
      fair.id,
    );
    clients.push(client);

    await client.ok('agenda.control', { control: { kind: 'fair.start' } });
    expect((await store.fairs.findById(fair.id))?.status).toBe('live');
    await client.ok('agenda.control', { control: { kind: 'fair.end' } });
    expect((await store.fairs.findById(fair.id))?.status).toBe('closed');
  });

  it('refuses fair-wide controls to everyone but organisers, and nothing changes', async () => {
    const fair = await newFair();
    const askers = [
      await fair.join('Pirjo Osallistuja'),
      await fair.join('Puhuja', 'speaker'),
      await fair.join('Fasilitaattori', 'facilitator', [fair.roomId]),
    ];
    const before = await askers[0]?.client.ok('agenda.live', {});
    for (const asker of askers) {
      const answer = await asker.client.request('agenda.control', {
        control: { kind: 'fair.pause' },
      });
      expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(await store.agendaControls.list(fair.fairId)).toEqual([]);
    const after = await askers[0]?.client.ok('agenda.live', {});
    expect({ ...after, serverNow: '' }).toEqual({ ...before, serverNow: '' });
  });

  it("a room's facilitator runs a timed round there: the room hears it, the lobby does not", async () => {
    const fair = await newFair();
    const facilitator = await fair.join('Fanni', 'facilitator', [fair.roomId]);
    const inRoom = await fair.join('Aino');
    const inLobby = await fair.join('Bashir');
    for (const person of [facilitator, inRoom]) {
      await person.client.ok('presence.go', { to: { kind: 'room', roomId: fair.roomId } });
    }

    const state = await facilitator.client.ok('agenda.roomRound', {
      round: { action: 'start', roomId: fair.roomId, minutes: 10 },
    });

    expect(state.roomRounds).toEqual([expect.objectContaining({ roomId: fair.roomId })]);
    for (const person of [facilitator, inRoom]) {
      await eventually(() =>
        expect(person.cues).toEqual([
          expect.objectContaining({ kind: 'round.started', roomId: fair.roomId }),
        ]),
      );
    }
    await eventually(() => expect(inLobby.states.at(-1)?.roomRounds).toHaveLength(1));
    expect(inLobby.cues).toEqual([]);
  });

  it('refuses a room round to a facilitator of another room and to a participant; nothing changes', async () => {
    const fair = await newFair();
    const otherFacilitator = await fair.join('Fredrik', 'facilitator', [fair.otherRoomId]);
    const participant = await fair.join('Pirjo');
    for (const asker of [otherFacilitator, participant]) {
      const answer = await asker.client.request('agenda.roomRound', {
        round: { action: 'start', roomId: fair.roomId, minutes: 10 },
      });
      expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(await store.agendaControls.list(fair.fairId)).toEqual([]);
    expect((await participant.client.ok('agenda.live', {})).roomRounds).toEqual([]);
  });

  it('answers CONFLICT for a control that makes no sense now and INVALID for a malformed one', async () => {
    const fair = await newFair();
    const olli = await fair.organiser();
    const resume = await olli.client.request('agenda.control', {
      control: { kind: 'fair.resume' },
    });
    expect(resume).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const tooLong = await olli.client.request('agenda.control', {
      control: { kind: 'item.extend', itemId: fair.round.id, minutes: 10_000 },
    });
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'INVALID' } });
    expect(await store.agendaControls.list(fair.fairId)).toEqual([]);
  });

  it('an agenda item added over REST is scheduled: "join the stage" comes two minutes before', async () => {
    const fair = await newFair();
    const aino = await fair.join('Aino');
    const startsAt = new Date(Date.now() + 2 * MINUTE_MS + 1500).toISOString();
    const response = await fetch(
      `${node.url}${buildPath(apiRoutes.agenda, { fairId: fair.fairId })}`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: fair.organiserCookie },
        body: JSON.stringify({
          kind: 'speech',
          title: { en: 'Opening speech' },
          startsAt,
          endsAt: new Date(Date.parse(startsAt) + 20 * MINUTE_MS).toISOString(),
        }),
      },
    );
    expect(response.status).toBe(201);
    await eventually(() => expect(aino.states.at(-1)?.items).toHaveLength(3));
    expect(aino.cues).toEqual([]);
    await eventually(
      () =>
        expect(aino.cues).toEqual([
          expect.objectContaining({
            kind: 'speech.soon',
            item: expect.objectContaining({ startsAt, place: { kind: 'stage' } }),
          }),
        ]),
      5000,
    );
  });
});
