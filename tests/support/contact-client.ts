import {
  apiRoutes,
  buildPath,
  type ErrorBody,
  type ExchangeResponse,
  type MyCardResponse,
} from '@kohtaamo/protocol';
import { restRequest, type RestSession } from './rest-client';

/** What the server answered: the data of a success, or the status and code of a refusal. */
export type RestOutcome<T> =
  { ok: true; status: number; data: T } | { ok: false; status: number; code: string };

async function send<T>(
  baseUrl: string,
  method: string,
  path: string,
  body: unknown,
  session: RestSession,
): Promise<RestOutcome<T>> {
  const { status, text } = await restRequest(baseUrl, method, path, body, session);
  if (status < 400) return { ok: true, status, data: JSON.parse(text) as T };
  const parsed = JSON.parse(text) as ErrorBody;
  return { ok: false, status, code: parsed.error.code };
}

/** Asks another participant of the fair for their card, as the person's profile page does. */
export function askForCard(
  baseUrl: string,
  asker: RestSession,
  fairId: string,
  personId: string,
): Promise<RestOutcome<ExchangeResponse>> {
  const path = buildPath(apiRoutes.exchanges, { fairId });
  return send(baseUrl, 'POST', path, { personId, message: 'Tavataan!' }, asker);
}

export function answerCardRequest(
  baseUrl: string,
  answerer: RestSession,
  ids: { fairId: string; exchangeId: string },
  answer: 'accept' | 'decline',
): Promise<RestOutcome<ExchangeResponse>> {
  return send(baseUrl, 'POST', buildPath(apiRoutes.exchangeAnswer, ids), { answer }, answerer);
}

/** Writes the private note the owner keeps about a contact (an accepted exchange). */
export function putContactNote(
  baseUrl: string,
  owner: RestSession,
  ids: { fairId: string; personId: string },
  note: string,
): Promise<RestOutcome<unknown>> {
  return send(baseUrl, 'PUT', buildPath(apiRoutes.contactNote, ids), { note }, owner);
}

export function putMyCard(
  baseUrl: string,
  owner: RestSession,
  fairId: string,
  card: { name: string; organisation: string },
): Promise<RestOutcome<MyCardResponse>> {
  const path = buildPath(apiRoutes.myCard, { fairId });
  return send(baseUrl, 'PUT', path, { card, shared: ['name', 'organisation'] }, owner);
}

/** Resolves with the data of a success; throws on a refusal. */
export async function succeeded<T>(outcome: Promise<RestOutcome<T>>): Promise<T> {
  const answer = await outcome;
  if (!answer.ok) throw new Error(`refused: ${answer.status} ${answer.code}`);
  return answer.data;
}
