import { apiRoutes, buildPath, type FairStatus, PROTOCOL_VERSION } from '@kohtaamo/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import {
  connectPerson,
  createPerson,
  eventually,
  type LiveClient,
  openSocket,
  useLiveFair,
} from './live-harness';
import { presenceBackends } from './presence-backends';
import { agendaItem } from './store-fixtures';

describe.each(presenceBackends)('who the fair’s status lets in, live ($name)', (backend) => {
  const live = useLiveFair(backend);
  const clients: LiveClient[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.close();
    await live.store.fairs.update(live.fairId, { status: 'open' });
  });

  async function connect(name: string, role?: 'organiser' | 'facilitator' | 'speaker') {
    const person = await createPerson(live.store, live.fairId, name, { role });
    const client = await connectPerson(live.node.url, person, live.fairId);
    clients.push(client);
    return { person, client };
  }

  function refusal(cookie: string): Promise<unknown> {
    const socket = openSocket(live.node.url, cookie, {
      fairId: live.fairId,
      protocol: PROTOCOL_VERSION,
    });
    return new Promise((resolve) => {
      socket.once('connect', () => {
        socket.close();
        resolve('connected');
      });
      socket.once('connect_error', (err: Error & { data?: unknown }) => {
        socket.close();
        resolve(err.data);
      });
    });
  }

  async function setStatus(organiserCookie: string, status: FairStatus) {
    const response = await fetch(
      `${live.node.url}${buildPath(apiRoutes.fair, { fairId: live.fairId })}`,
      {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', cookie: organiserCookie },
        body: JSON.stringify({ status }),
      },
    );
    expect(response.status).toBe(200);
  }

  it('lets only the people who run a draft fair in', async () => {
    await live.store.fairs.update(live.fairId, { status: 'draft' });
    const participant = await createPerson(live.store, live.fairId, 'Pia Osallistuja');
    expect(await refusal(participant.cookie)).toEqual({ code: 'FAIR_NOT_OPEN' });
    for (const role of ['organiser', 'facilitator', 'speaker'] as const) {
      const staff = await createPerson(live.store, live.fairId, `Staff ${role}`, { role });
      expect(await refusal(staff.cookie)).toBe('connected');
    }
  });

  it('sends participants away when the fair closes, frees their seats and keeps the organiser', async () => {
    const { person: organiser, client: organiserClient } = await connect('Olli', 'organiser');
    const { person: participant, client: seated } = await connect('Leila Hassan');
    const tableId = live.table(0);
    await seated.ok('presence.go', { to: { kind: 'table', tableId } });
    const disconnected = new Promise<string>((resolve) =>
      seated.socket.once('disconnect', resolve),
    );

    await setStatus(organiser.cookie, 'closed');

    expect(await disconnected).toBe('io server disconnect');
    expect(organiserClient.socket.connected).toBe(true);
    // The seat is freed at once, not kept for a reconnection.
    await eventually(async () => {
      const snapshot = await organiserClient.ok('presence.snapshot', {
        scope: `room:${live.roomId}`,
      });
      expect(snapshot.state).toMatchObject({ members: [] });
    });
    expect(await refusal(participant.cookie)).toEqual({ code: 'FAIR_CLOSED' });
    const facilitator = await createPerson(live.store, live.fairId, 'Fanni', {
      role: 'facilitator',
    });
    expect(await refusal(facilitator.cookie)).toEqual({ code: 'FAIR_CLOSED' });

    // Reopened, the fair lets them back in.
    await setStatus(organiser.cookie, 'live');
    expect(await refusal(participant.cookie)).toBe('connected');
  });

  it('sends participants away when an organiser ends the fair from the live agenda', async () => {
    const inAnHourMs = Date.now() + 60 * 60_000;
    await live.store.agenda.create(
      live.fairId,
      agendaItem({
        startsAt: new Date(inAnHourMs).toISOString(),
        endsAt: new Date(inAnHourMs + 20 * 60_000).toISOString(),
      }),
    );
    const { client: organiserClient } = await connect('Olli', 'organiser');
    const { person: participant, client: participantClient } = await connect('Leila Hassan');
    const disconnected = new Promise<string>((resolve) =>
      participantClient.socket.once('disconnect', resolve),
    );
    await organiserClient.ok('agenda.control', { control: { kind: 'fair.start' } });
    await organiserClient.ok('agenda.control', { control: { kind: 'fair.end' } });
    expect(await disconnected).toBe('io server disconnect');
    expect(organiserClient.socket.connected).toBe(true);
    expect(await refusal(participant.cookie)).toEqual({ code: 'FAIR_CLOSED' });
  });
});
