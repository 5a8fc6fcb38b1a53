import { type AgendaItemBody, apiRoutes, buildPath, joinPath } from '@kohtaamo/protocol';
import type { APIRequestContext, Browser, BrowserContext } from 'playwright-core';
import { registeredParticipant, type RestSession, signUp } from './rest-client';

const HOUR_MS = 60 * 60_000;

export const journeyRooms = [
  { fi: 'Asuminen', en: 'Housing', sv: 'Boende' },
  { fi: 'Työ ja yrittäjyys', en: 'Work and enterprise', sv: 'Arbete och företagande' },
] as const;

export const journeyAgenda = {
  speech: { fi: 'Avauspuhe', en: 'Opening speech', sv: 'Öppningstal' },
  round: { fi: 'Verkostoitumiskierros', en: 'Networking round', sv: 'Nätverksrunda' },
  closing: { fi: 'Päätös', en: 'Closing', sv: 'Avslutning' },
} as const;

export interface JourneyFair {
  fairId: string;
  title: string;
  inviteUrl: string;
}

async function ok<T>(
  response: Promise<{
    ok(): boolean;
    status(): number;
    json(): Promise<unknown>;
    text(): Promise<string>;
  }>,
): Promise<T> {
  const answer = await response;
  if (!answer.ok()) throw new Error(`${answer.status()} ${await answer.text()}`);
  return (await answer.json()) as T;
}

/** A browser context signed in with a session made through the API. */
export async function contextFor(
  browser: Browser,
  baseUrl: string,
  session: RestSession,
  viewport = { width: 1280, height: 900 },
): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'en-GB', viewport, acceptDownloads: true });
  const [name = '', value = ''] = session.cookie.split(/=(.*)/s);
  await context.addCookies([{ name, value, url: baseUrl }]);
  return context;
}

/**
 * A fair that opens tomorrow (so the organiser starts it by hand), with two themes of two
 * tables, an opening speech, a networking round and a closing, made through the organiser's
 * session as the manage page would. Not the point of the story, so it goes through REST.
 */
export async function createJourneyFair(
  request: APIRequestContext,
  baseUrl: string,
  title: string,
): Promise<JourneyFair> {
  const start = Math.ceil(Date.now() / HOUR_MS) * HOUR_MS + 24 * HOUR_MS;
  const at = (hours: number) => new Date(start + hours * HOUR_MS).toISOString();
  const url = (path: string) => `${baseUrl}${path}`;
  const { fair } = await ok<{ fair: { id: string } }>(
    request.post(url(apiRoutes.fairs), {
      data: { title, timeZone: 'Europe/Helsinki', startsAt: at(0), endsAt: at(3), status: 'open' },
    }),
  );
  const fairId = fair.id;
  for (const names of journeyRooms) {
    const { room } = await ok<{ room: { id: string } }>(
      request.post(url(buildPath(apiRoutes.rooms, { fairId })), { data: { names } }),
    );
    for (const name of ['1', '2']) {
      await ok(
        request.post(url(buildPath(apiRoutes.roomTables, { fairId, roomId: room.id })), {
          data: { name, capacity: 6 },
        }),
      );
    }
  }
  const items: AgendaItemBody[] = [
    { kind: 'speech', title: journeyAgenda.speech, startsAt: at(0), endsAt: at(0.25) },
    { kind: 'networking_round', title: journeyAgenda.round, startsAt: at(0.25), endsAt: at(1) },
    { kind: 'closing', title: journeyAgenda.closing, startsAt: at(1), endsAt: at(1.25) },
  ];
  for (const item of items) {
    await ok(request.post(url(buildPath(apiRoutes.agenda, { fairId })), { data: item }));
  }
  const { code } = await ok<{ code: string }>(
    request.get(url(buildPath(apiRoutes.fairInvite, { fairId }))),
  );
  return { fairId, title, inviteUrl: url(joinPath(code)) };
}

export interface JourneyPerson {
  name: string;
  organisation: string;
  email: string;
}

/**
 * Someone registered through the API whose card shares their email, so the partner's export
 * can be checked for it.
 */
export async function registeredWithCard(
  browser: Browser,
  baseUrl: string,
  fair: JourneyFair,
  person: JourneyPerson,
): Promise<BrowserContext> {
  const code = decodeURIComponent(new URL(fair.inviteUrl).pathname.split('/').at(-1) ?? '');
  const session = await registeredParticipant(baseUrl, code, {
    displayName: person.name,
    organisation: person.organisation,
  });
  const context = await contextFor(browser, baseUrl, session);
  const card = {
    name: person.name,
    organisation: person.organisation,
    email: person.email,
  };
  await ok(
    context.request.put(`${baseUrl}${buildPath(apiRoutes.myCard, { fairId: fair.fairId })}`, {
      data: { card, shared: ['name', 'organisation', 'email'] },
    }),
  );
  return context;
}

export { signUp };
