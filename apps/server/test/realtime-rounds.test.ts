import type { OrganisationType, RoundSeated, Role } from '@kohtaamo/protocol';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Store } from '../src/store/types';
import {
  connectPerson,
  eventually,
  type LiveClient,
  type LiveNode,
  signInAs,
  useLiveFair,
} from './live-harness';
import { presenceBackends } from './presence-backends';
import { agendaItem, createAccount, profile } from './store-fixtures';

const TYPES: OrganisationType[] = [
  'ngo',
  'municipality',
  'state_authority',
  'company',
  'education',
];

interface Joined {
  id: string;
  /** The table the person took before the round, if any. */
  satAt?: string;
  client: LiveClient;
  seated: RoundSeated[];
}

describe.each(presenceBackends)('seating a networking round on a live node ($name)', (backend) => {
  const live = useLiveFair(backend, {
    tables: [
      { name: 'Pöytä 1', capacity: 3 },
      { name: 'Pöytä 2', capacity: 3 },
      { name: 'Pöytä 3', capacity: 3 },
    ],
  });
  let store: Store;
  let node: LiveNode;
  let fairId: string;
  const clients: LiveClient[] = [];

  beforeAll(() => {
    ({ store, node, fairId } = live);
  });
  afterEach(() => {
    for (const client of clients.splice(0)) client.close();
  });

  async function register(name: string, type: OrganisationType, role: Role = 'participant') {
    const account = await createAccount(store, name);
    const registration = await store.registrations.create(
      fairId,
      account.id,
      profile({ displayName: name, organisation: `${name} ry`, organisationType: type }),
      role,
    );
    return { id: registration.id, cookie: await signInAs(store, account.id) };
  }

  async function join(name: string, type: OrganisationType, role?: Role): Promise<Joined> {
    const person = await register(name, type, role);
    const client = await connectPerson(node.url, person, fairId);
    clients.push(client);
    const seated: RoundSeated[] = [];
    client.socket.on('round.seated', (event: RoundSeated) => seated.push(event));
    return { id: person.id, client, seated };
  }

  async function sitAt(person: Joined, tableIndex: number) {
    person.satAt = live.table(tableIndex);
    await person.client.ok('presence.go', { to: { kind: 'table', tableId: person.satAt } });
  }

  const whereIs = async (person: Joined) =>
    (await live.presence.whereIs(fairId, person.id))?.location;

  async function newRound() {
    return store.agenda.create(
      fairId,
      agendaItem({ kind: 'networking_round', place: { kind: 'room', roomId: live.roomId } }),
    );
  }

  it('moves the people present to their tables and tells them, and a second start does nothing', async () => {
    const round = await newRound();
    const people = await Promise.all(
      Array.from({ length: 7 }, (_, i) => join(`Osallistuja ${i}`, TYPES[i % TYPES.length]!)),
    );
    const [first, second, third] = people as [Joined, Joined, Joined];
    const optedOut = await join('Oona Omillaan', 'ngo');
    const organiser = await join('Olli Järjestäjä', 'ngo', 'organiser');
    const absent = await register('Poissa Oleva', 'company');
    // Three already fill table 1; one of them stays because she opted out.
    await sitAt(first, 0);
    await sitAt(second, 0);
    await sitAt(optedOut, 0);
    await store.rounds.setOptedOut(fairId, optedOut.id, true);
    await store.rounds.putPlan(fairId, round.id, {
      mode: 'shuffle',
      preassignments: [
        { registrationId: third.id, tableId: live.table(2) },
        { registrationId: absent.id, tableId: live.table(2) },
      ],
    });

    const outcome = await node.realtime.rounds.roundStarted(fairId, round.id);
    expect(outcome).toMatchObject({ applied: true, seated: 7, unseated: 0, refused: 0 });

    for (const person of people) {
      await eventually(() => expect(person.seated).toHaveLength(1));
      const [told] = person.seated;
      expect(told).toMatchObject({ itemId: round.id, roomId: live.roomId });
      expect(await whereIs(person)).toEqual({
        kind: 'table',
        roomId: live.roomId,
        tableId: told!.tableId,
      });
      // Someone the round left at the table they already had hears nothing but `round.seated`.
      const satThere = person.satAt === told!.tableId;
      await eventually(() =>
        expect(satThere || person.client.selves.at(-1)?.location).toEqual(
          satThere || { kind: 'table', roomId: live.roomId, tableId: told!.tableId },
        ),
      );
    }
    expect(third.seated[0]).toMatchObject({ tableId: live.table(2), preassigned: true });
    // The opted-out person keeps her seat, so her table had room for two more only.
    expect(await whereIs(optedOut)).toMatchObject({ kind: 'table', tableId: live.table(0) });
    const atFirstTable = people.filter((p) => p.seated[0]?.tableId === live.table(0));
    expect(atFirstTable).toHaveLength(2);
    expect(await whereIs(organiser)).toEqual({ kind: 'lobby' });
    expect(optedOut.seated).toEqual([]);
    expect(organiser.seated).toEqual([]);

    const selvesBefore = people.map((p) => p.client.selves.length);
    expect(await node.realtime.rounds.roundStarted(fairId, round.id)).toEqual({
      applied: false,
      reason: 'already_applied',
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(people.map((p) => p.seated.length)).toEqual(people.map(() => 1));
    expect(people.map((p) => p.client.selves.length)).toEqual(selvesBefore);
  });

  it('seats a round whose first try failed (the store away for a moment) on the next', async () => {
    const round = await newRound();
    const person = await join('Sinnikäs', 'ngo');
    await store.rounds.putPlan(fairId, round.id, {
      mode: 'free',
      preassignments: [{ registrationId: person.id, tableId: live.table(2) }],
    });
    const plan = vi
      .spyOn(store.rounds, 'plan')
      .mockRejectedValueOnce(new Error('connection terminated unexpectedly'));
    try {
      const outcome = await node.realtime.rounds.roundStarted(fairId, round.id);
      expect(outcome).toMatchObject({ applied: true, seated: 1 });
      expect(plan).toHaveBeenCalledTimes(2);
    } finally {
      plan.mockRestore();
    }
    expect(await whereIs(person)).toMatchObject({ kind: 'table', tableId: live.table(2) });
    await eventually(() => expect(person.seated).toHaveLength(1));
  });

  it('in free mode moves only the people the organiser pre-assigned', async () => {
    const round = await newRound();
    const chosen = await join('Valittu', 'ngo');
    const other = await join('Muu', 'company');
    await store.rounds.putPlan(fairId, round.id, {
      mode: 'free',
      preassignments: [{ registrationId: chosen.id, tableId: live.table(1) }],
    });
    await node.realtime.rounds.roundStarted(fairId, round.id);
    expect(await whereIs(chosen)).toMatchObject({ kind: 'table', tableId: live.table(1) });
    expect(await whereIs(other)).toEqual({ kind: 'lobby' });
    await eventually(() => expect(chosen.seated).toHaveLength(1));
  });

  it('keeps apart people who sat together earlier or exchanged cards, when the tables allow it', async () => {
    const round = await newRound();
    const people = await Promise.all(
      Array.from({ length: 9 }, (_, i) => join(`Tuttu ${i}`, TYPES[i % 3]!)),
    );
    // Three groups of three who all met each other: only one of each group fits at a table.
    const groups = [people.slice(0, 3), people.slice(3, 6), people.slice(6, 9)];
    const [exchangedCards, ...satTogether] = groups as [Joined[], Joined[], Joined[]];
    for (const [a, b] of [
      [0, 1],
      [0, 2],
      [1, 2],
    ] as const) {
      await exchangeCards(exchangedCards[a]!, exchangedCards[b]!);
    }
    const tenMinutesMs = 10 * 60_000;
    for (const [index, group] of satTogether.entries()) {
      for (const person of group) {
        const base = { fairId, registrationId: person.id, tableId: live.table(index) };
        await store.seatIntervals.open({
          ...base,
          joinedAt: new Date(Date.now() - 2 * tenMinutesMs),
        });
        const leftAt = new Date(Date.now() - tenMinutesMs);
        await store.seatIntervals.close({ ...base, leftAt, freedAt: leftAt });
      }
    }
    await store.rounds.putPlan(fairId, round.id, { mode: 'shuffle', preassignments: [] });
    const outcome = await node.realtime.rounds.roundStarted(fairId, round.id);
    expect(outcome).toMatchObject({ applied: true, seated: 9, metTogether: 0 });
    for (const group of groups) {
      const tables = await Promise.all(group.map(async (p) => (await whereIs(p)) ?? null));
      expect(new Set(tables.map((t) => (t?.kind === 'table' ? t.tableId : null))).size).toBe(3);
    }
  });

  async function exchangeCards(a: Joined, b: Joined) {
    const ask = await store.exchanges.ask({
      fairId,
      fromId: a.id,
      toId: b.id,
      message: '',
      now: new Date(),
      rateLimit: { requests: 20, windowMs: 600_000 },
    });
    if (ask.kind !== 'asked') throw new Error('the exchange was not asked');
    await store.exchanges.answer({
      fairId,
      exchangeId: ask.request.id,
      answererId: b.id,
      accept: true,
      now: new Date(),
    });
  }
});
