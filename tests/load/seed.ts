import { randomBytes, randomUUID } from 'node:crypto';
import { sign } from 'cookie-signature';
import pg from 'pg';
import { createFairLayout, type RestSession, signUp } from '../support/rest-client';
import { FAIR_SHAPE, type LoadFair, type LoadParticipant } from './fair-shape';
import { startKohtaamo } from './targets';

/** Must match the server's session cookie name (`apps/server/src/http/session.ts`). */
const SESSION_COOKIE = 'kh_session';
const SESSION_TTL_MS = 24 * 60 * 60 * 1000;

const FIRST_NAMES = ['Aino', 'Mohammed', 'Leena', 'Abdi', 'Sofia', 'Oleksandr', 'Hanna', 'Ali'];
const ORGANISATIONS = ['Monikulttuurinen yhdistys', 'Kaupungin kotoutumispalvelut', 'TE-palvelut'];

function personAt(index: number): { name: string; organisation: string } {
  const first = FIRST_NAMES[index % FIRST_NAMES.length] ?? 'Osallistuja';
  const organisation = ORGANISATIONS[index % ORGANISATIONS.length] ?? 'Järjestö';
  return { name: `${first} Osallistuja ${index}`, organisation: `${organisation} ${index % 97}` };
}

export interface SeededFair {
  fair: LoadFair;
  participants: LoadParticipant[];
  /** The organiser who created the fair (registered as its organiser). */
  organiser: RestSession;
}

/**
 * The fair is created through the API by an organiser who signed up for real. The participants
 * are written straight into the database (one argon2 hash each would take minutes), but each
 * gets a real session row and a cookie signed with the server's secret, so every connection
 * goes through the real handshake.
 */
export async function seedKohtaamoFair(options: {
  baseUrl: string;
  databaseUrl: string;
  sessionSecret: string;
  participants: number;
  /** Tables per theme; more than the usual shape when everyone must have a seat at once. */
  tablesPerRoom?: number;
  /** How long two people must sit together to have met (the fair's setting; default 120). */
  meetingThresholdSeconds?: number;
}): Promise<SeededFair> {
  const organiser = await signUp(options.baseUrl, 'Olli Järjestäjä');
  const layout = await createFairLayout(options.baseUrl, organiser, {
    rooms: FAIR_SHAPE.rooms,
    tables: options.tablesPerRoom ?? FAIR_SHAPE.tables,
    table: { capacity: FAIR_SHAPE.capacity },
  });
  const people = Array.from({ length: options.participants }, (_, index) => personAt(index));
  const sessionIds = people.map(() => randomBytes(32).toString('base64url'));
  const emails = people.map(() => `${randomBytes(8).toString('hex')}@load.kohtaamo.test`);
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    if (options.meetingThresholdSeconds !== undefined) {
      await client.query('UPDATE fairs SET meeting_threshold_seconds = $2 WHERE id = $1', [
        layout.fairId,
        options.meetingThresholdSeconds,
      ]);
    }
    const accounts = await client.query<{ id: string; email: string }>(
      `INSERT INTO accounts (email, password_hash, display_name)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
       RETURNING id, email`,
      [
        emails,
        // Not a valid argon2 hash: these accounts cannot sign in with a password.
        people.map(() => '!load-test'),
        people.map((person) => person.name),
      ],
    );
    const accountOf = new Map(accounts.rows.map((row) => [row.email, row.id]));
    const accountIds = emails.map((email) => accountOf.get(email) ?? '');
    await client.query(
      `INSERT INTO sessions (id, account_id, expires_at)
       SELECT id, account_id, $3 FROM unnest($1::text[], $2::uuid[]) AS s(id, account_id)`,
      [sessionIds, accountIds, new Date(Date.now() + SESSION_TTL_MS)],
    );
    const registrations = await client.query<{ id: string; account_id: string }>(
      `INSERT INTO registrations
         (fair_id, account_id, display_name, organisation, organisation_type, languages)
       SELECT $1, account_id, display_name, organisation, 'ngo', '{fi}'
       FROM unnest($2::uuid[], $3::text[], $4::text[])
         AS r(account_id, display_name, organisation)
       RETURNING id, account_id`,
      [
        layout.fairId,
        accountIds,
        people.map((person) => person.name),
        people.map((person) => person.organisation),
      ],
    );
    await client.query('COMMIT');
    const registrationOf = new Map(registrations.rows.map((row) => [row.account_id, row.id]));
    const participants = people.map((person, index): LoadParticipant => {
      const registrationId = registrationOf.get(accountIds[index] ?? '');
      if (!registrationId) throw new Error('seeding lost a registration');
      const signed = `s:${sign(sessionIds[index] ?? '', options.sessionSecret)}`;
      return {
        person: { id: registrationId, ...person },
        cookie: `${SESSION_COOKIE}=${encodeURIComponent(signed)}`,
      };
    });
    return {
      fair: { fairId: layout.fairId, roomIds: layout.roomIds, tableIds: layout.tableIds },
      participants,
      organiser,
    };
  } finally {
    await client.end();
  }
}

export interface SeededKohtaamo extends SeededFair {
  databaseUrl: string;
  sessionSecret: string;
}

/**
 * Creates the fair and its people with a node of its own, stopped before any measurement: the
 * organiser's argon2 sign-up would otherwise sit in the measured node's idle memory.
 */
export async function seedOnOwnNode(
  databaseUrl: string,
  participants: number,
  fairOptions: { tablesPerRoom?: number; meetingThresholdSeconds?: number } = {},
): Promise<SeededKohtaamo> {
  const sessionSecret = randomBytes(32).toString('hex');
  const node = await startKohtaamo({
    nodes: 1,
    databaseUrl,
    redisUrl: undefined,
    redisKeyPrefix: '',
    sessionSecret,
  });
  try {
    const seeded = await seedKohtaamoFair({
      baseUrl: node.urls[0] ?? '',
      databaseUrl,
      sessionSecret,
      participants,
      ...fairOptions,
    });
    return { databaseUrl, sessionSecret, ...seeded };
  } finally {
    await node.stop();
  }
}

/** The same fair and people for the baseline, which keeps nothing and so needs no database. */
export function baselineFair(participants: number): {
  fair: LoadFair;
  participants: LoadParticipant[];
} {
  const roomIds = Array.from({ length: FAIR_SHAPE.rooms }, () => randomUUID());
  return {
    fair: {
      fairId: randomUUID(),
      roomIds,
      tableIds: roomIds.map(() => Array.from({ length: FAIR_SHAPE.tables }, () => randomUUID())),
    },
    participants: Array.from({ length: participants }, (_, index) => ({
      person: { id: randomUUID(), ...personAt(index) },
      cookie: '',
    })),
  };
}
