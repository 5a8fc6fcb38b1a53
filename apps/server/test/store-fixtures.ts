import { randomBytes, randomUUID } from 'node:crypto';
import type { Account, Fair, Profile, Registration, Role } from '@kohtaamo/protocol';
import { expect } from 'vitest';
import { findPgError } from '../src/store/pg-errors';
import type { NewAgendaItem, NewFair, Store } from '../src/store/types';

/** Suites share one store per backend, so every fixture gets names no other test uses. */
export function unique(prefix: string): string {
  return `${prefix}-${randomBytes(5).toString('hex')}`;
}

export function newFair(overrides: Partial<NewFair> = {}): NewFair {
  return {
    slug: unique('fair'),
    title: 'Reilu kohtaamo',
    description: 'Järjestöjen ja kuntien verkostoitumispäivä',
    timeZone: 'Europe/Helsinki',
    startsAt: '2026-05-12T06:00:00.000Z',
    endsAt: '2026-05-12T14:00:00.000Z',
    languages: ['fi', 'en', 'sv'],
    status: 'draft',
    meetingThresholdSeconds: 120,
    ...overrides,
  };
}

export function profile(overrides: Partial<Profile> = {}): Profile {
  return {
    displayName: 'Aino Virtanen',
    organisation: 'Setlementti ry',
    organisationType: 'ngo',
    title: 'Toiminnanjohtaja',
    languages: ['fi', 'sv'],
    themes: [],
    ...overrides,
  };
}

export function agendaItem(overrides: Partial<NewAgendaItem> = {}): NewAgendaItem {
  return {
    kind: 'speech',
    title: { fi: 'Avaus', en: 'Opening' },
    startsAt: '2026-05-12T06:00:00.000Z',
    endsAt: '2026-05-12T06:30:00.000Z',
    speakerIds: [],
    place: { kind: 'stage' },
    ...overrides,
  };
}

export function createAccount(store: Store, displayName = 'Aino Virtanen'): Promise<Account> {
  return store.accounts.create({
    email: `${unique('person')}@example.fi`,
    passwordHash: 'argon2id$not-a-real-hash',
    displayName,
  });
}

export interface FairFixture {
  fair: Fair;
  organiserAccount: Account;
  organiser: Registration;
}

/** A fair with its organiser, as fair creation leaves it. */
export async function createFair(
  store: Store,
  overrides: Partial<NewFair> = {},
): Promise<FairFixture> {
  const organiserAccount = await createAccount(store, 'Olli Järjestäjä');
  // Open, so participants may enter the live fair (a draft admits only its staff).
  const { fair, registration } = await store.fairs.create(
    newFair({ status: 'open', ...overrides }),
    {
      accountId: organiserAccount.id,
      profile: profile({ displayName: 'Olli Järjestäjä' }),
      inviteCode: unique('invite'),
    },
  );
  return { fair, organiserAccount, organiser: registration };
}

/** A participant registered for the fair. */
export async function register(
  store: Store,
  fairId: string,
  overrides: Partial<Profile> = {},
  role?: Role,
): Promise<Registration> {
  const account = await createAccount(store, overrides.displayName);
  return store.registrations.create(fairId, account.id, profile(overrides), role);
}

export function createRoom(store: Store, fairId: string, name = 'Asuminen', position?: number) {
  return store.rooms.create(fairId, { names: { fi: name }, description: {}, position });
}

/** An id that exists nowhere. */
export const unknownId = (): string => randomUUID();

/** Asserts that the database itself refused the write with the named CHECK constraint. */
export async function expectCheckViolation(write: Promise<unknown>, constraint: string) {
  const error = await write.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(error, 'the write should have been refused').toBeDefined();
  expect(findPgError(error)).toMatchObject({ code: '23514', constraint });
}
