import { type ApiRoute, apiRoutes, buildPath } from '@kohtaamo/protocol';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type FairSetup, fairSnapshot, useFairApiFixture } from './http-harness';
import { unknownId } from './store-fixtures';
import { storeBackends } from './store-backends';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

interface FairRouteCase {
  method: Method;
  route: ApiRoute;
  /** Who besides organisers may call it. */
  access: 'registered' | 'organiser';
  body?: object;
  /** What a participant gets on a 'registered' route when it is not 200 (a refused body, 404). */
  participantStatus?: number;
}

/**
 * Every route that belongs to one fair. Each case is built per test from the fair's ids, so a
 * refused call can be checked against an unchanged store.
 */
function fairRouteCases(fair: FairSetup, itemId: string, registrationId: string) {
  const ids = { fairId: fair.fairId };
  // Nobody has exchanged cards in this fair, so every contact and exchange is unknown.
  const contactIds = { personId: unknownId(), exchangeId: unknownId() };
  const routeCases: FairRouteCase[] = [
    { method: 'get', route: apiRoutes.fair, access: 'registered' },
    { method: 'patch', route: apiRoutes.fair, access: 'organiser', body: { title: 'Changed' } },
    { method: 'get', route: apiRoutes.fairInvite, access: 'organiser' },
    { method: 'post', route: apiRoutes.fairInvite, access: 'organiser' },
    {
      method: 'post',
      route: apiRoutes.fairCopies,
      access: 'organiser',
      body: { title: 'Copy', startDate: '2027-03-09' },
    },
    { method: 'get', route: apiRoutes.registrations, access: 'organiser' },
    { method: 'get', route: apiRoutes.myRegistration, access: 'registered' },
    { method: 'put', route: apiRoutes.myRegistration, access: 'registered', body: {} },
    {
      method: 'put',
      route: apiRoutes.registrationRole,
      access: 'organiser',
      body: { role: 'speaker' },
    },
    { method: 'post', route: apiRoutes.rooms, access: 'organiser', body: { names: { en: 'X' } } },
    { method: 'patch', route: apiRoutes.room, access: 'organiser', body: { position: 3 } },
    { method: 'delete', route: apiRoutes.room, access: 'organiser' },
    { method: 'post', route: apiRoutes.roomTables, access: 'organiser', body: { name: 'X' } },
    { method: 'patch', route: apiRoutes.table, access: 'organiser', body: { locked: true } },
    { method: 'delete', route: apiRoutes.table, access: 'organiser' },
    { method: 'get', route: apiRoutes.agenda, access: 'registered' },
    { method: 'post', route: apiRoutes.agenda, access: 'organiser', body: {} },
    { method: 'patch', route: apiRoutes.agendaItem, access: 'organiser', body: { kind: 'break' } },
    { method: 'delete', route: apiRoutes.agendaItem, access: 'organiser' },
    { method: 'get', route: apiRoutes.agendaIcs, access: 'registered' },
    { method: 'get', route: apiRoutes.myCard, access: 'registered' },
    {
      method: 'put',
      route: apiRoutes.myCard,
      access: 'registered',
      body: { email: 'not an address' },
      participantStatus: 400,
    },
    { method: 'get', route: apiRoutes.exchanges, access: 'registered' },
    {
      method: 'post',
      route: apiRoutes.exchanges,
      access: 'registered',
      body: {},
      participantStatus: 400,
    },
    { method: 'delete', route: apiRoutes.exchange, access: 'registered', participantStatus: 404 },
    {
      method: 'post',
      route: apiRoutes.exchangeAnswer,
      access: 'registered',
      body: { answer: 'accept' },
      participantStatus: 404,
    },
    { method: 'get', route: apiRoutes.blocks, access: 'registered' },
    { method: 'put', route: apiRoutes.block, access: 'registered', participantStatus: 404 },
    // Unblocking someone who is not blocked leaves things as they are, as asked.
    { method: 'delete', route: apiRoutes.block, access: 'registered' },
    { method: 'get', route: apiRoutes.contacts, access: 'registered' },
    { method: 'get', route: apiRoutes.contact, access: 'registered', participantStatus: 404 },
    {
      method: 'put',
      route: apiRoutes.contactNote,
      access: 'registered',
      body: { note: 'A note' },
      participantStatus: 404,
    },
    { method: 'get', route: apiRoutes.contactsVcf, access: 'registered' },
    { method: 'get', route: apiRoutes.contactVcf, access: 'registered', participantStatus: 404 },
    { method: 'get', route: apiRoutes.contactsCsv, access: 'registered' },
    { method: 'get', route: apiRoutes.peopleIMet, access: 'registered' },
    { method: 'get', route: apiRoutes.report, access: 'organiser' },
    { method: 'get', route: apiRoutes.reportCsv, access: 'organiser' },
    { method: 'get', route: apiRoutes.moderationLog, access: 'organiser' },
    { method: 'get', route: apiRoutes.roundPlan, access: 'organiser' },
    { method: 'put', route: apiRoutes.roundPlan, access: 'organiser', body: { mode: 'shuffle' } },
    { method: 'get', route: apiRoutes.roundOptOut, access: 'registered' },
    { method: 'put', route: apiRoutes.roundOptOut, access: 'registered', body: {} },
  ];
  return routeCases.map((entry) => ({
    ...entry,
    // One set of ids fills every pattern; buildPath checks names per route, a loop cannot.
    path: buildPath(entry.route, {
      ...ids,
      roomId: fair.roomId,
      tableId: fair.tableId,
      itemId,
      registrationId,
      ...contactIds,
    } as never),
  }));
}

/** Routes not scoped to a fair, tested in their own suites (auth, invites, the fair list). */
const routesOutsideAFair: ApiRoute[] = [
  apiRoutes.signUp,
  apiRoutes.signIn,
  apiRoutes.signOut,
  apiRoutes.me,
  apiRoutes.fairs,
  apiRoutes.invite,
  apiRoutes.inviteRegistrations,
];

function call(agent: Agent, method: Method, path: string, body?: object) {
  const request = agent[method](path);
  return body ? request.send(body) : request;
}

describe.each(storeBackends)('who may call which fair route ($name)', (backend) => {
  const f = useFairApiFixture(backend);
  let cases: ReturnType<typeof fairRouteCases>;

  beforeAll(async () => {
    const item = await f.organiser
      .post(buildPath(apiRoutes.agenda, { fairId: f.fair.fairId }))
      .send({
        // A networking round, so that its seating plan is one more thing refusals must not touch.
        kind: 'networking_round',
        title: { fi: 'Avaus' },
        startsAt: '2026-03-10T10:00:00+02:00',
        endsAt: '2026-03-10T10:30:00+02:00',
      })
      .expect(201);
    cases = fairRouteCases(f.fair, item.body.item.id, f.participantId);
  });

  it('has a case for every route of the API', () => {
    const covered = new Set<ApiRoute>([...cases.map((c) => c.route), ...routesOutsideAFair]);
    expect([...covered].sort()).toEqual(Object.values(apiRoutes).sort());
  });

  it('answers 401 to anonymous callers and changes nothing', async () => {
    const before = await fairSnapshot(f.api.store, f.fair.fairId);
    for (const { method, path, body } of cases) {
      const response = await call(f.api.anonymous(), method, path, body);
      expect([response.status, `${method} ${path}`]).toEqual([401, `${method} ${path}`]);
      expect(response.body).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    }
    expect(await fairSnapshot(f.api.store, f.fair.fairId)).toEqual(before);
  });

  it('answers 403 to signed-in people who are not registered for the fair', async () => {
    const before = await fairSnapshot(f.api.store, f.fair.fairId);
    for (const { method, path, body } of cases) {
      const response = await call(f.outsider, method, path, body);
      expect([response.status, `${method} ${path}`]).toEqual([403, `${method} ${path}`]);
      expect(response.body.error.code).toBe('FORBIDDEN');
    }
    expect(await fairSnapshot(f.api.store, f.fair.fairId)).toEqual(before);
  });

  it('answers 403 to participants on organiser routes, and lets them read', async () => {
    const before = await fairSnapshot(f.api.store, f.fair.fairId);
    for (const { method, path, body, access, participantStatus } of cases) {
      const response = await call(f.participant, method, path, body);
      const refusedBody = method === 'put' ? 400 : 200;
      const expected = access === 'organiser' ? 403 : (participantStatus ?? refusedBody);
      expect([response.status, `${method} ${path}`]).toEqual([expected, `${method} ${path}`]);
    }
    expect(await fairSnapshot(f.api.store, f.fair.fairId)).toEqual(before);
  });

  it('answers 404 for a fair that does not exist', async () => {
    for (const { method, path, body } of cases) {
      const unknownFairPath = path.replace(f.fair.fairId, unknownId());
      const response = await call(f.organiser, method, unknownFairPath, body);
      expect([response.status, `${method} ${unknownFairPath}`]).toEqual([
        404,
        `${method} ${unknownFairPath}`,
      ]);
      expect(response.body.error.code).toBe('NOT_FOUND');
    }
  });
});
