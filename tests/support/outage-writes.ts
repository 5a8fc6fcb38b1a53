import { randomBytes } from 'node:crypto';
import { apiRoutes, buildPath } from '@kohtaamo/protocol';
import { askForCard, putContactNote, putMyCard, type RestOutcome } from './contact-client';
import type { LiveClient } from './live-client';
import { restRequest, type RestSession } from './rest-client';

/** One write a client made, and what it was told. */
export interface WriteAttempt {
  kind: 'card' | 'note' | 'exchange' | 'seat' | 'chat' | 'registration';
  startedAtMs: number;
  answeredAtMs: number;
  /** `ok`, the error code the server answered with, or `NO_ANSWER` (transport failure). */
  outcome: string;
  /** What the store must hold if the write was acknowledged (ids, versions, places). */
  record: Record<string, string | number>;
}

export interface Writer extends RestSession {
  registrationId: string;
  nodeUrl: string;
  client: LiveClient;
  /** Someone whose card this writer holds, so it may keep a note about them. */
  contactId: string;
}

export interface WriteTargets {
  fairId: string;
  inviteCode: string;
  roomId: string;
  tableIds: string[];
  /** People the writers ask for their cards, each writer a different one every time. */
  askable: string[];
}

async function attempt<T>(
  log: WriteAttempt[],
  kind: WriteAttempt['kind'],
  record: WriteAttempt['record'],
  write: () => Promise<RestOutcome<T> | { ok: true; data: T } | { ok: false; code: string }>,
  idOf?: (data: T) => string,
): Promise<T | undefined> {
  const startedAtMs = Date.now();
  let outcome = 'NO_ANSWER';
  let data: T | undefined;
  try {
    const answer = await write();
    outcome = answer.ok ? 'ok' : answer.code;
    if (answer.ok) {
      data = answer.data;
      if (idOf) record.id = idOf(answer.data);
    }
  } catch {
    // The request never got an answer; the test counts it as a failure of the server.
  }
  log.push({ kind, startedAtMs, answeredAtMs: Date.now(), outcome, record });
  return data;
}

/** Card requests are rate limited (20 per 10 minutes per person); this stays under it. */
const ASK_EVERY_MS = 1_500;

/** Between rounds, so a client answered at once with errors does not spin. */
const ROUND_PAUSE_MS = 100;
const pause = () => new Promise((resolve) => setTimeout(resolve, ROUND_PAUSE_MS));

function socketWrite<T>(client: LiveClient, event: 'presence.go' | 'chat.send', payload: unknown) {
  return client.request(event, payload as never) as Promise<
    { ok: true; data: T } | { ok: false; error: { code: string } }
  >;
}

function flat<T>(
  answer: { ok: true; data: T } | { ok: false; error: { code: string } },
): { ok: true; data: T } | { ok: false; code: string } {
  return answer.ok ? answer : { ok: false, code: answer.error.code };
}

/**
 * One participant writing without pause, as busy people do: their card, a note, a card
 * request, a move to another table and a chat line, round after round, until `until()`.
 */
export async function keepWriting(
  writer: Writer,
  targets: WriteTargets,
  log: WriteAttempt[],
  until: () => boolean,
): Promise<void> {
  const { fairId } = targets;
  const asked = new Set<string>();
  let at: string | undefined;
  let lastAskMs = 0;
  for (let round = 1; !until(); round += 1) {
    const me = writer.registrationId;
    const card = { name: `Kortti ${round}`, organisation: 'Setlementti ry' };
    await attempt(log, 'card', { person: me, version: round }, () =>
      putMyCard(writer.nodeUrl, writer, fairId, card),
    );
    const ids = { fairId, personId: writer.contactId };
    await attempt(log, 'note', { person: me, version: round }, () =>
      putContactNote(writer.nodeUrl, writer, ids, `Muistiinpano ${round}`),
    );
    const other = targets.askable.find((id) => !asked.has(id));
    if (other && Date.now() - lastAskMs >= ASK_EVERY_MS) {
      lastAskMs = Date.now();
      asked.add(other);
      await attempt(
        log,
        'exchange',
        { person: me, other },
        () => askForCard(writer.nodeUrl, writer, fairId, other),
        (data) => data.request.id,
      );
    }
    // Always another table than the one the server last confirmed, so every move is a write.
    const others = targets.tableIds.filter((id) => id !== at);
    const tableId = others[round % others.length] ?? '';
    const moved = await attempt(log, 'seat', { person: me, tableId }, async () =>
      flat(await socketWrite(writer.client, 'presence.go', { to: { kind: 'table', tableId } })),
    );
    if (moved) at = tableId;
    const channel = { kind: 'room', roomId: targets.roomId };
    await attempt<{ id: string }>(
      log,
      'chat',
      { person: me },
      async () =>
        flat(await socketWrite(writer.client, 'chat.send', { channel, text: `Viesti ${round}` })),
      (data) => data.id,
    );
    await pause();
  }
}

/** New people signing up and registering for the fair, one after another, until `until()`. */
export async function keepRegistering(
  nodeUrl: string,
  inviteCode: string,
  log: WriteAttempt[],
  until: () => boolean,
): Promise<void> {
  while (!until()) {
    const email = `${randomBytes(6).toString('hex')}@kohtaamo.test`;
    const body = { email, password: 'correct horse battery', displayName: 'Uusi Osallistuja' };
    let cookie: string | undefined;
    await attempt(log, 'registration', { email, step: 'sign-up' }, async () => {
      const answer = await restRequest(nodeUrl, 'POST', apiRoutes.signUp, body);
      cookie = answer.setCookie?.split(';')[0];
      return answerOf(answer);
    });
    await pause();
    if (!cookie) continue;
    const profile = {
      displayName: 'Uusi Osallistuja',
      organisation: 'Kunta',
      organisationType: 'ngo',
      languages: ['fi'],
      themes: [],
    };
    const path = buildPath(apiRoutes.inviteRegistrations, { code: inviteCode });
    const session = { cookie };
    await attempt<{ registration: { id: string } }>(
      log,
      'registration',
      { email, step: 'register' },
      async () =>
        answerOf(await restRequest(nodeUrl, 'POST', path, { profile, consent: true }, session)),
      (data) => data.registration.id,
    );
  }
}

function answerOf<T>(answer: { status: number; text: string }): RestOutcome<T> {
  if (answer.status < 400)
    return { ok: true, status: answer.status, data: JSON.parse(answer.text) as T };
  const { error } = JSON.parse(answer.text) as { error: { code: string } };
  return { ok: false, status: answer.status, code: error.code };
}
