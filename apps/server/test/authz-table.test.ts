import {
  type Ack,
  apiRoutes,
  clientEvents,
  type ErrorCode,
  PROTOCOL_VERSION,
} from '@kohtaamo/protocol';
import { beforeAll, describe, expect, it } from 'vitest';
import { callRoute, fillPath, mountedApiRoutes } from './authz-rest';
import { acrossFairsTable, restTable } from './authz-rest-table';
import { type SocketContext, socketTable } from './authz-socket-table';
import { useHostileWorld, WORLD_ROLES, type WorldRole } from './hostile-world';
import { connectPerson, type LiveClient, openSocket, signInAs } from './live-harness';

/**
 * Refusals because of who asks. Presence-based refusals (not seated at that call, not a peer)
 * count as well: they are how media decides who may. Anything else an allowed caller gets
 * (INVALID, NOT_FOUND for a sample id that names nothing) means the caller got past the checks.
 */
const DENIED: readonly ErrorCode[] = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_REGISTERED',
  'NOT_SEATED',
  'NOT_PEER',
];
/** From another fair, fair A's things do not exist: NOT_FOUND is a refusal there too. */
const DENIED_ACROSS_FAIRS: readonly ErrorCode[] = [...DENIED, 'NOT_FOUND', 'NOT_PRESENT'];

const STRANGER = 'participant of another fair';

const inFairA = WORLD_ROLES.filter(
  (role): role is Exclude<WorldRole, 'anonymous' | 'participant of another fair'> =>
    role !== 'anonymous' && role !== 'participant of another fair',
);

function errorCode(ack: Ack<unknown>): ErrorCode | undefined {
  return ack.ok ? undefined : ack.error.code;
}

describe('who may do what', () => {
  const world = useHostileWorld();

  describe('REST routes', () => {
    it('has a row for every route of the protocol and every route the server answers', () => {
      const rows = restTable.map((row) => `${row.method.toUpperCase()} ${apiRoutes[row.route]}`);
      expect(new Set(rows).size).toBe(rows.length);
      expect([...new Set(restTable.map((row) => row.route))].sort()).toEqual(
        Object.keys(apiRoutes).sort(),
      );
      expect(rows.sort()).toEqual(mountedApiRoutes(world.store).sort());
    });

    async function cookieOf(role: WorldRole, ownSession: boolean): Promise<string | undefined> {
      if (role === 'anonymous') return undefined;
      const person = world.people[role];
      if (!ownSession) return person.cookie;
      const fairId = role === 'participant of another fair' ? world.otherFairId : world.fairId;
      const registration = await world.store.registrations.findById(fairId, person.registrationId);
      if (!registration) throw new Error(`no registration for ${role}`);
      return signInAs(world.store, registration.accountId);
    }

    for (const row of restTable) {
      for (const role of WORLD_ROLES) {
        const allowed = row.allow.includes(role);
        const label = `${row.method.toUpperCase()} ${apiRoutes[row.route]}`;
        it(`${role}: ${label} → ${allowed ? 'allowed' : 'denied'}`, async () => {
          const sample = (await row.sample?.(world)) ?? {};
          const cookie = await cookieOf(role, row.ownSession ?? false);
          const before = allowed ? undefined : await world.state();
          const response = await callRoute(world.node.url, {
            method: row.method,
            path: fillPath(apiRoutes[row.route], { fairId: world.fairId, ...sample.params }),
            cookie,
            body: sample.body,
          });
          const code = response.body?.error?.code as ErrorCode | undefined;
          expect(response.status, `${label}: ${JSON.stringify(response.body)}`).toBeLessThan(500);
          if (allowed) {
            expect([401, 403]).not.toContain(response.status);
            expect(DENIED).not.toContain(code);
          } else {
            expect([401, 403]).toContain(response.status);
            expect(DENIED).toContain(code);
            expect(await world.state()).toEqual(before);
          }
        });
      }
    }
  });

  describe('REST routes of another fair naming this fair', () => {
    for (const row of acrossFairsTable) {
      it(`${row.as}: ${row.name} → denied`, async () => {
        const sample = row.sample(world);
        const caller =
          row.as === 'organiser of another fair' ? world.otherOrganiser : world.people[STRANGER];
        const before = await world.state();
        const response = await callRoute(world.node.url, {
          method: row.method,
          path: fillPath(apiRoutes[row.route], { fairId: world.otherFairId, ...sample.params }),
          cookie: caller.cookie,
          body: sample.body,
        });
        expect([400, 403, 404], JSON.stringify(response.body)).toContain(response.status);
        expect(await world.state()).toEqual(before);
      });
    }
  });

  describe('socket events', () => {
    const clients = new Map<WorldRole, LiveClient>();
    let target: LiveClient;
    let stranger: LiveClient;

    beforeAll(async () => {
      for (const role of inFairA) {
        clients.set(role, await connectPerson(world.node.url, world.people[role], world.fairId));
      }
      target = await connectPerson(world.node.url, world.target, world.fairId);
      stranger = await connectPerson(world.node.url, world.people[STRANGER], world.otherFairId);
      // The first event of a fair loads its tables into presence; done here, it is not taken
      // for a change that a refused event made.
      await stranger.ok('presence.snapshot', { scope: 'lobby' });
    });

    it('has a row for every client event of the protocol', () => {
      const rows = socketTable.map((row) => row.event);
      expect([...new Set(rows)].sort()).toEqual(Object.keys(clientEvents).sort());
    });

    async function refusal(cookie: string | undefined): Promise<unknown> {
      const socket = openSocket(world.node.url, cookie, {
        fairId: world.fairId,
        protocol: PROTOCOL_VERSION,
      });
      try {
        return await new Promise((resolve, reject) => {
          socket.once('connect_error', (err: Error & { data?: unknown }) => resolve(err.data));
          socket.once('connect', () => reject(new Error('the connection was accepted')));
        });
      } finally {
        socket.disconnect();
      }
    }

    it('anonymous: refuses a connection to the fair, so every event is denied', async () => {
      expect(await refusal(undefined)).toEqual({ code: 'UNAUTHENTICATED' });
    });

    it('participant of another fair: refuses a connection to the fair', async () => {
      const cookie = world.people[STRANGER].cookie;
      expect(await refusal(cookie)).toEqual({ code: 'NOT_REGISTERED' });
    });

    /** Every table of fair A open and unlocked, no stage call, the target at table A1. */
    async function reset(organiser: LiveClient): Promise<void> {
      if ((await organiser.ok('stage.status', {})).called) await organiser.ok('stage.return', {});
      for (const room of await world.store.rooms.listWithTables(world.fairId)) {
        for (const table of room.tables) {
          if (table.locked)
            await organiser.ok('moderation.table', { tableId: table.id, change: 'unlock' });
          if (table.closed)
            await organiser.ok('moderation.table', { tableId: table.id, change: 'open' });
        }
      }
      await target.ok('help.cancel', {});
      await target.ok('presence.go', { to: { kind: 'table', tableId: world.tableA1 } });
    }

    for (const row of socketTable) {
      for (const role of inFairA) {
        const allowed = row.allow.includes(role);
        it(`${role}: ${row.event} (${row.name}) → ${allowed ? 'allowed' : 'denied'}`, async () => {
          const organiser = clients.get('organiser');
          const actor = clients.get(role);
          if (!organiser || !actor) throw new Error('not connected');
          await reset(organiser);
          await actor.ok('presence.go', { to: row.from(world) });
          const context: SocketContext = { world, actor, target, organiser };
          const prepared = await row.before?.(context);
          const before = allowed ? undefined : await world.settledState();
          const ack = await actor.request(row.event, row.payload(context, prepared) as never);
          if (allowed) {
            expect(DENIED, JSON.stringify(ack)).not.toContain(errorCode(ack));
          } else {
            expect(DENIED, JSON.stringify(ack)).toContain(errorCode(ack));
            expect(await world.state()).toEqual(before);
          }
        });
      }

      it(`participant of another fair: ${row.event} naming fair A's things → denied`, async () => {
        const organiser = clients.get('organiser');
        if (!organiser) throw new Error('not connected');
        await reset(organiser);
        const context: SocketContext = { world, actor: stranger, target, organiser };
        const prepared = await row.before?.(context);
        const before = await world.settledState();
        const ack = await stranger.request(row.event, row.payload(context, prepared) as never);
        // Asking about oneself in one's own fair is answered, and shows nothing of fair A.
        if (ack.ok) {
          const { otherFairId, otherRoom, otherTable, people } = world;
          const theirs = [otherFairId, otherRoom, otherTable, world.otherRoundItem];
          theirs.push(people[STRANGER].registrationId);
          for (const id of world.ids.filter((id) => !theirs.includes(id))) {
            expect(JSON.stringify(ack.data)).not.toContain(id);
          }
        } else {
          expect(DENIED_ACROSS_FAIRS, JSON.stringify(ack)).toContain(errorCode(ack));
        }
        expect(await world.state()).toEqual(before);
      });
    }
  });
});
