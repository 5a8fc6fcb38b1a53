import { type Scope, type Self } from '@kohtaamo/protocol';
import { afterAll, describe, expect, it } from 'vitest';
import { useClusterFair } from '../support/cluster';
import {
  answerCardRequest,
  askForCard,
  putContactNote,
  putMyCard,
  succeeded,
} from '../support/contact-client';
import { chainBreaks, EventRecord } from '../support/event-record';
import { connectPerson, eventually, type LiveClient } from '../support/live-client';
import { registeredParticipant, type RestSession } from '../support/rest-client';
import { ScopeFollower } from '../support/scope-follower';
import { testDatabaseUrl, testRedisUrl } from '../support/services';

const services =
  testDatabaseUrl && testRedisUrl ? { databaseUrl: testDatabaseUrl, redisUrl: testRedisUrl } : null;

interface Person extends RestSession {
  registrationId: string;
  nodeUrl: string;
  client: LiveClient;
}

/** What the store must hold afterwards: every write the server acknowledged, and no other. */
interface Acknowledged {
  exchanges: Map<string, string>;
  notes: Map<string, string>;
  cards: Set<string>;
  /** Seat intervals opened: one per acknowledged arrival at a table. */
  sittings: number;
}

describe.skipIf(!services)('a node killed with kill -9 while people on both nodes work', () => {
  const fair = useClusterFair(services ?? { databaseUrl: '', redisUrl: '' }, {
    nodes: 2,
    rooms: 1,
    tables: 3,
  });
  const clients: LiveClient[] = [];
  const followers: ScopeFollower[] = [];
  afterAll(() => {
    for (const follower of followers) follower.stop();
    for (const client of clients) client.close();
  });

  async function join(nodeUrl: string, name: string): Promise<Person> {
    const person = await registeredParticipant(nodeUrl, fair.layout.inviteCode, {
      displayName: name,
      organisation: `${name} ry`,
    });
    const client = await connectPerson(nodeUrl, person, fair.layout.fairId);
    clients.push(client);
    return { ...person, nodeUrl, client };
  }

  it('frees its people’s seats within 30 s; they sit again on the other node; people there see only the diffs; every acknowledged write is stored', async () => {
    const { cluster, layout } = fair;
    const [nodeA, nodeB] = cluster.nodes;
    if (!nodeA || !nodeB) throw new Error('two nodes expected');
    const fairId = layout.fairId;
    const roomId = layout.roomIds[0] ?? '';
    const [t1, t2, t3] = layout.tableIds[0] ?? [];
    if (!t1 || !t2 || !t3) throw new Error('three tables expected');
    const scope: Scope = `room:${roomId}`;
    const acked: Acknowledged = {
      exchanges: new Map(),
      notes: new Map(),
      cards: new Set(),
      sittings: 0,
    };

    const sit = async (person: Person, tableId: string) => {
      const self: Self = await person.client.ok('presence.go', { to: { kind: 'table', tableId } });
      expect(self.location).toMatchObject({ kind: 'table', tableId });
      acked.sittings += 1;
    };
    const exchange = async (asker: Person, other: Person, answer?: 'accept' | 'decline') => {
      const { request } = await succeeded(
        askForCard(asker.nodeUrl, asker, fairId, other.registrationId),
      );
      acked.exchanges.set(request.id, 'pending');
      if (!answer) return;
      const ids = { fairId, exchangeId: request.id };
      const answered = await succeeded(answerCardRequest(other.nodeUrl, other, ids, answer));
      acked.exchanges.set(request.id, answered.request.status);
    };
    const note = async (owner: Person, contact: Person, text: string) => {
      const ids = { fairId, personId: contact.registrationId };
      await succeeded(putContactNote(owner.nodeUrl, owner, ids, text));
      acked.notes.set(`${owner.registrationId}>${contact.registrationId}`, text);
    };

    // Three people on node A, three on node B; A's people share tables with B's.
    const [a1, a2, a3] = await Promise.all(['Aino', 'Abdi', 'Anna'].map((n) => join(nodeA.url, n)));
    const [b1, b2, b3] = await Promise.all(['Bert', 'Bilal', 'Bea'].map((n) => join(nodeB.url, n)));
    if (!a1 || !a2 || !a3 || !b1 || !b2 || !b3) throw new Error('six people expected');
    await Promise.all([sit(a1, t1), sit(a2, t1), sit(b1, t1), sit(a3, t2), sit(b3, t3)]);
    await sit(a3, t3);
    await sit(a3, t2);
    await b2.client.ok('presence.go', { to: { kind: 'room', roomId } });
    await exchange(a1, b1, 'accept');
    await exchange(a2, b2, 'decline');
    await exchange(b3, a3, 'accept');
    await exchange(b1, a2);
    await Promise.all([
      note(a1, b1, 'Hankerahoitus syksyllä'),
      note(b1, a1, 'Soita maanantaina'),
      note(a3, b3, 'Kielikahvila'),
      note(b3, a3, 'Vapaaehtoiset'),
      succeeded(putMyCard(a1.nodeUrl, a1, fairId, { name: 'Aino', organisation: 'Aino ry' })),
      succeeded(putMyCard(b1.nodeUrl, b1, fairId, { name: 'Bert', organisation: 'Bert ry' })),
    ]);
    acked.cards.add(a1.registrationId).add(b1.registrationId);

    // People on node B follow the room as the web app does; everything has settled.
    const survivors = [b1, b2, b3];
    const views = survivors.map((b) => new ScopeFollower(b.client, scope));
    followers.push(...views);
    await Promise.all(views.map((view) => view.resync()));
    const seatedBefore = { [t1]: [a1, a2, b1], [t2]: [a3], [t3]: [b3] };
    for (const view of views) {
      for (const [tableId, people] of Object.entries(seatedBefore)) {
        expect(view.seatedAt(roomId, tableId)).toEqual(people.map((p) => p.registrationId).sort());
      }
    }
    const records = survivors.map((b) => new EventRecord(b.client.socket));
    const { seq: seqAtKill } = await b2.client.ok('presence.snapshot', { scope });
    for (const record of records) record.mark();

    const killedAt = Date.now();
    nodeA.process.child.kill('SIGKILL');
    await nodeA.process.exited;

    const killed = [a1, a2, a3].map((a) => a.registrationId);
    await eventually(() => {
      for (const view of views) {
        expect(view.seatedAt(roomId, t1)).toEqual([b1.registrationId]);
        expect(view.seatedAt(roomId, t2)).toEqual([]);
      }
    }, 30_000);
    const freedWithinMs = Date.now() - killedAt;
    expect(freedWithinMs).toBeLessThan(30_000);

    // What people on node B noticed: their connection held, nothing but room diffs arrived, each
    // diff took a seat of A's people away, in one unbroken chain (no snapshot needed), and they
    // still sit where they sat.
    for (const [i, record] of records.entries()) {
      expect(record.disconnects).toBe(0);
      expect(record.names()).toEqual(['presence.diff']);
      const diffs = record.diffs(scope);
      expect(chainBreaks(diffs, seqAtKill)).toEqual([]);
      expect(diffs.map((diff) => diff.change)).toEqual(
        killed.map(() => expect.objectContaining({ kind: 'member', present: false })),
      );
      expect(
        diffs.map((d) => (d.change.kind === 'member' ? d.change.person.id : '')).sort(),
      ).toEqual([...killed].sort());
      expect(views[i]?.snapshots).toBe(1);
    }
    expect(await b1.client.ok('presence.self', {})).toMatchObject({ location: { tableId: t1 } });
    expect(await b3.client.ok('presence.self', {})).toMatchObject({ location: { tableId: t3 } });

    // The seat intervals of A's people ended at the dead node's last heartbeat.
    const db = cluster.database;
    const ofKilled = await db.query<{ registration_id: string; left_at: Date | null }>(
      'select registration_id, left_at from seat_intervals where registration_id = any($1::uuid[])',
      [killed],
    );
    expect(ofKilled).toHaveLength(5);
    for (const { left_at: leftAt } of ofKilled) {
      expect(leftAt?.getTime()).toBeLessThanOrEqual(killedAt + 100);
    }

    // A's people come back through node B (a load balancer would send them there) and sit again.
    const returned = await Promise.all(
      [a1, a2, a3].map(async (a) => {
        const client = await connectPerson(nodeB.url, a, fairId);
        clients.push(client);
        return { ...a, nodeUrl: nodeB.url, client };
      }),
    );
    for (const a of returned) {
      expect(await a.client.ok('presence.self', {})).toMatchObject({ location: { kind: 'lobby' } });
    }
    const [r1, r2, r3] = returned;
    if (!r1 || !r2 || !r3) throw new Error('three returning people expected');
    await Promise.all([sit(r1, t1), sit(r2, t1), sit(r3, t2)]);
    await eventually(() => {
      for (const view of views) {
        expect(view.seatedAt(roomId, t1)).toEqual([a1, a2, b1].map((p) => p.registrationId).sort());
        expect(view.seatedAt(roomId, t2)).toEqual([a3.registrationId]);
      }
    });
    await note(r1, b1, 'Hankerahoitus syksyllä; tavattiin uudestaan');

    // Every acknowledged write is in the store, and nothing else is.
    const exchanges = await db.query<{ id: string; status: string }>(
      'select id, status from exchanges where fair_id = $1',
      [fairId],
    );
    expect(new Map(exchanges.map((row) => [row.id, row.status]))).toEqual(acked.exchanges);
    const notes = await db.query<{ owner_id: string; contact_id: string; note: string }>(
      'select owner_id, contact_id, note from contact_notes where fair_id = $1',
      [fairId],
    );
    expect(new Map(notes.map((row) => [`${row.owner_id}>${row.contact_id}`, row.note]))).toEqual(
      acked.notes,
    );
    const cards = await db.query<{ registration_id: string }>(
      'select registration_id from contact_cards where fair_id = $1',
      [fairId],
    );
    expect(new Set(cards.map((row) => row.registration_id))).toEqual(acked.cards);
    const intervals = await db.query<{ registration_id: string; left_at: Date | null }>(
      'select registration_id, left_at from seat_intervals where fair_id = $1',
      [fairId],
    );
    expect(intervals).toHaveLength(acked.sittings);
    const stillOpen = intervals.filter((row) => row.left_at === null).map((r) => r.registration_id);
    expect(stillOpen.sort()).toEqual([a1, a2, a3, b1, b3].map((p) => p.registrationId).sort());
  }, 90_000);
});
