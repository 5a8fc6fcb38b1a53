import type { Express } from 'express';
import { beforeAll } from 'vitest';
import { pino } from 'pino';
import request from 'supertest';
import { createArgon2Hasher } from '../src/auth/passwords';
import { createApp } from '../src/http/app';
import { createMeetingService } from '../src/meetings/meeting-service';
import type { HttpDeps } from '../src/http/deps';
import { createMetrics } from '../src/observability/metrics';
import type { Store } from '../src/store/types';
import { type StoreBackend, useStore } from './store-backends';
import type { CreateFairBody, ProfileInput } from '@kohtaamo/protocol';
import { apiRoutes, buildPath } from '@kohtaamo/protocol';

export type Agent = ReturnType<typeof request.agent>;

export interface TestApi {
  app: Express;
  store: Store;
  /** A signed-in browser-like client with its own cookie jar. */
  signUp(name: string): Promise<Agent>;
  anonymous(): Agent;
}

let accountCounter = 0;

export function createTestApi(store: Store, overrides: Partial<HttpDeps> = {}): TestApi {
  const logger = pino({ level: 'silent' });
  const app = createApp({
    store,
    logger,
    metrics: createMetrics(),
    passwords: createArgon2Hasher(),
    session: { ttlMs: 60 * 60 * 1000, secureCookie: false },
    cookieSecret: 'test-cookie-secret-that-is-long-enough-to-sign',
    publicUrl: 'http://kohtaamo.test',
    now: () => new Date(),
    isShuttingDown: () => false,
    meetings: createMeetingService({
      store,
      logger,
      nowMs: () => (overrides.now ?? (() => new Date()))().getTime(),
      reconnectGraceMs: 120_000,
      notify: overrides.notify,
    }),
    ...overrides,
  });
  return {
    app,
    store,
    anonymous: () => request.agent(app),
    async signUp(name) {
      accountCounter += 1;
      const agent = request.agent(app);
      await agent
        .post(apiRoutes.signUp)
        .send({
          email: `${name.toLowerCase()}-${accountCounter}-${Date.now()}@kohtaamo.test`,
          password: 'correct horse battery',
          displayName: name,
        })
        .expect(201);
      return agent;
    },
  };
}

export const sampleFair: CreateFairBody = {
  title: 'Yhteistyömessut',
  description: 'Verkostoitumista kotoutumisen kentällä',
  timeZone: 'Europe/Helsinki',
  startsAt: '2026-03-10T10:00:00+02:00',
  endsAt: '2026-03-10T13:00:00+02:00',
};

export const sampleProfile: ProfileInput = {
  displayName: 'Leila Hassan',
  organisation: 'Silta-yhdistys ry',
  organisationType: 'ngo',
  title: 'Toiminnanjohtaja',
  languages: ['fi', 'ar'],
  themes: [],
};

export interface FairSetup {
  fairId: string;
  inviteCode: string;
  roomId: string;
  tableId: string;
}

/** A fair with one room and one table, created through the API by the given organiser. */
export async function createFairWithRoom(organiser: Agent): Promise<FairSetup> {
  const fair = await organiser.post(apiRoutes.fairs).send(sampleFair).expect(201);
  const fairId: string = fair.body.fair.id;
  const room = await organiser
    .post(buildPath(apiRoutes.rooms, { fairId }))
    .send({ names: { fi: 'Asuminen', en: 'Housing', sv: 'Boende' } })
    .expect(201);
  const roomId: string = room.body.room.id;
  const table = await organiser
    .post(buildPath(apiRoutes.roomTables, { fairId, roomId }))
    .send({ name: 'A', capacity: 6 })
    .expect(201);
  const invite = await organiser.get(buildPath(apiRoutes.fairInvite, { fairId })).expect(200);
  return { fairId, roomId, tableId: table.body.table.id, inviteCode: invite.body.code };
}

/** Registers the agent for the fair through its invite, as a participant. */
export async function register(agent: Agent, inviteCode: string, profile = sampleProfile) {
  const response = await agent
    .post(buildPath(apiRoutes.inviteRegistrations, { code: inviteCode }))
    .send({ profile, consent: true })
    .expect(201);
  return response.body.registration.id as string;
}

/** Everything the store holds about a fair, to show that a refused request changed nothing. */
export async function fairSnapshot(store: Store, fairId: string) {
  const [fair, rooms, agenda, registrations] = await Promise.all([
    store.fairs.findById(fairId),
    store.rooms.listWithTables(fairId),
    store.agenda.list(fairId),
    store.registrations.list(fairId),
  ]);
  const [inviteCode, roundPlans, roundOptOuts] = await Promise.all([
    store.fairs.inviteCode(fairId),
    Promise.all(agenda.map((item) => store.rounds.plan(fairId, item.id))),
    store.rounds.optedOutOf(fairId),
  ]);
  return { fair, rooms, agenda, registrations, inviteCode, roundPlans, roundOptOuts };
}

/** The cast of most API suites: two organisers with a fair each, a participant, an outsider. */
export interface FairApiFixture {
  api: TestApi;
  organiser: Agent;
  otherOrganiser: Agent;
  /** Registered for `fair` through its invite, as a participant. */
  participant: Agent;
  participantId: string;
  /** Signed in, registered for nothing. */
  outsider: Agent;
  fair: FairSetup;
  otherFair: FairSetup;
}

/**
 * Opens a fresh store on the backend before the suite and sets the cast up through the API;
 * read its fields inside tests, once `beforeAll` has filled them.
 */
export function useFairApiFixture(backend: StoreBackend): FairApiFixture {
  const fixture = {} as FairApiFixture;
  let store: Store;
  useStore(backend, (opened) => (store = opened));
  beforeAll(async () => {
    const api = createTestApi(store);
    const [organiser, otherOrganiser, participant, outsider] = await Promise.all([
      api.signUp('Olli'),
      api.signUp('Oona'),
      api.signUp('Leila'),
      api.signUp('Ulla'),
    ]);
    const [fair, otherFair] = await Promise.all([
      createFairWithRoom(organiser),
      createFairWithRoom(otherOrganiser),
    ]);
    const participantId = await register(participant, fair.inviteCode);
    Object.assign(fixture, {
      api,
      organiser,
      otherOrganiser,
      participant,
      participantId,
      outsider,
      fair,
      otherFair,
    });
  });
  return fixture;
}
