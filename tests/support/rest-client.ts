import { randomBytes } from 'node:crypto';
import {
  type AssignRoleBody,
  apiRoutes,
  buildPath,
  type CreateFairBody,
  type ProfileInput,
  type TableBody,
} from '@kohtaamo/protocol';

/** A signed-in person as far as the server can tell: the cookie their browser would send. */
export interface RestSession {
  cookie: string;
}

/** One API request as the web app sends it; the answer whatever its status. */
export async function restRequest(
  baseUrl: string,
  method: string,
  path: string,
  body: unknown,
  session?: RestSession,
): Promise<{ status: number; text: string; setCookie: string | null }> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(session ? { cookie: session.cookie } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return {
    status: response.status,
    text: await response.text(),
    setCookie: response.headers.get('set-cookie'),
  };
}

async function call<T>(
  baseUrl: string,
  method: string,
  path: string,
  body: unknown,
  session?: RestSession,
): Promise<{ data: T; setCookie: string | null }> {
  const { status, text, setCookie } = await restRequest(baseUrl, method, path, body, session);
  if (status >= 400) throw new Error(`${method} ${path} → ${status} ${text}`);
  return { data: (text ? JSON.parse(text) : undefined) as T, setCookie };
}

/** Signs up through the API, as the web app does; the password is hashed for real. */
export async function signUp(baseUrl: string, displayName: string): Promise<RestSession> {
  const email = `${randomBytes(6).toString('hex')}@kohtaamo.test`;
  const { setCookie } = await call(baseUrl, 'POST', apiRoutes.signUp, {
    email,
    password: 'correct horse battery',
    displayName,
  });
  const cookie = setCookie?.split(';')[0];
  if (!cookie) throw new Error('sign-up set no session cookie');
  return { cookie };
}

export interface FairLayout {
  fairId: string;
  inviteCode: string;
  roomIds: string[];
  /** Table ids per room, in the order they were created. */
  tableIds: string[][];
}

const fairBody: CreateFairBody = {
  title: 'Yhteistyömessut',
  timeZone: 'Europe/Helsinki',
  startsAt: '2026-03-10T10:00:00+02:00',
  endsAt: '2026-03-10T13:00:00+02:00',
  // Open, so participants may enter the live fair (a draft admits only its staff).
  status: 'open',
};

/** Adds a room to the fair, as the organiser's manage page does. */
export async function addRoom(
  baseUrl: string,
  organiser: RestSession,
  fairId: string,
  name: string,
): Promise<string> {
  const path = buildPath(apiRoutes.rooms, { fairId });
  const { data } = await call<{ room: { id: string } }>(
    baseUrl,
    'POST',
    path,
    { names: { fi: name } },
    organiser,
  );
  return data.room.id;
}

/** Adds a table to a room, as the organiser's manage page does. */
export async function addTable(
  baseUrl: string,
  organiser: RestSession,
  place: { fairId: string; roomId: string },
  table: TableBody,
): Promise<string> {
  const path = buildPath(apiRoutes.roomTables, place);
  const { data } = await call<{ table: { id: string } }>(baseUrl, 'POST', path, table, organiser);
  return data.table.id;
}

/** A fair with `rooms` rooms of `tables` tables each, created by the organiser via the API. */
export async function createFairLayout(
  baseUrl: string,
  organiser: RestSession,
  shape: { rooms: number; tables: number; table?: Partial<TableBody> },
): Promise<FairLayout> {
  const { data } = await call<{ fair: { id: string } }>(
    baseUrl,
    'POST',
    apiRoutes.fairs,
    fairBody,
    organiser,
  );
  const fairId = data.fair.id;
  const roomIds: string[] = [];
  const tableIds: string[][] = [];
  for (let r = 0; r < shape.rooms; r += 1) {
    const roomId = await addRoom(baseUrl, organiser, fairId, `Teema ${r + 1}`);
    roomIds.push(roomId);
    const tables: string[] = [];
    for (let t = 0; t < shape.tables; t += 1) {
      const table = { name: `Pöytä ${t + 1}`, capacity: 6, ...shape.table };
      tables.push(await addTable(baseUrl, organiser, { fairId, roomId }, table));
    }
    tableIds.push(tables);
  }
  const { data: invite } = await call<{ code: string }>(
    baseUrl,
    'GET',
    buildPath(apiRoutes.fairInvite, { fairId }),
    undefined,
    organiser,
  );
  return { fairId, inviteCode: invite.code, roomIds, tableIds };
}

/** Signs a new person up and registers them for the fair through its invite. */
export async function registeredParticipant(
  baseUrl: string,
  inviteCode: string,
  profile: Pick<ProfileInput, 'displayName' | 'organisation'>,
): Promise<RestSession & { registrationId: string }> {
  const session = await signUp(baseUrl, profile.displayName);
  const { data } = await call<{ registration: { id: string } }>(
    baseUrl,
    'POST',
    buildPath(apiRoutes.inviteRegistrations, { code: inviteCode }),
    {
      profile: { organisationType: 'ngo', languages: ['fi'], themes: [], ...profile },
      consent: true,
    },
    session,
  );
  return { ...session, registrationId: data.registration.id };
}

/** The organiser gives someone a role (a facilitator also their rooms), as the manage page does. */
export async function assignRole(
  baseUrl: string,
  organiser: RestSession,
  ids: { fairId: string; registrationId: string },
  body: AssignRoleBody,
): Promise<void> {
  await call(baseUrl, 'PUT', buildPath(apiRoutes.registrationRole, ids), body, organiser);
}
