import { apiRoutes, buildPath, PROTOCOL_VERSION } from '@kohtaamo/protocol';
import { afterAll, describe, expect, it } from 'vitest';
import { useClusterFair } from '../support/cluster';
import { connectPerson, type LiveClient, openSocket } from '../support/live-client';
import { registeredParticipant } from '../support/rest-client';
import { testDatabaseUrl, testRedisUrl } from '../support/services';

const services =
  testDatabaseUrl && testRedisUrl ? { databaseUrl: testDatabaseUrl, redisUrl: testRedisUrl } : null;

describe.skipIf(!services)('closing a fair on a cluster of two nodes', () => {
  const fair = useClusterFair(services ?? { databaseUrl: '', redisUrl: '' }, {
    nodes: 2,
    rooms: 1,
    tables: 1,
  });
  const clients: LiveClient[] = [];
  afterAll(() => {
    for (const client of clients) client.close();
  });

  it('sends participants on the other node away, keeps the organiser and refuses a return', async () => {
    const { fairId, inviteCode } = fair.layout;
    const participant = await registeredParticipant(fair.nodeUrl(1), inviteCode, {
      displayName: 'Leila Hassan',
      organisation: 'Silta ry',
    });
    const participantClient = await connectPerson(fair.nodeUrl(1), participant, fairId);
    const organiserClient = await connectPerson(fair.nodeUrl(1), fair.organiser, fairId);
    clients.push(participantClient, organiserClient);
    const disconnected = new Promise<string>((resolve) =>
      participantClient.socket.once('disconnect', resolve),
    );

    // The organiser closes the fair through the first node's API.
    const response = await fetch(`${fair.nodeUrl(0)}${buildPath(apiRoutes.fair, { fairId })}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', cookie: fair.organiser.cookie },
      body: JSON.stringify({ status: 'closed' }),
    });
    expect(response.status).toBe(200);

    expect(await disconnected).toBe('io server disconnect');
    expect(organiserClient.socket.connected).toBe(true);
    const socket = openSocket(fair.nodeUrl(1), participant.cookie, {
      fairId,
      protocol: PROTOCOL_VERSION,
    });
    const refusal = await new Promise<unknown>((resolve) => {
      socket.once('connect_error', (err: Error & { data?: unknown }) => resolve(err.data));
      socket.once('connect', () => resolve('connected'));
    });
    socket.close();
    expect(refusal).toEqual({ code: 'FAIR_CLOSED' });
  });
});
