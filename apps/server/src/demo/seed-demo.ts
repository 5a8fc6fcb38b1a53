import type { Registration } from '@kohtaamo/protocol';
import type { PasswordHasher } from '../auth/passwords';
import { UniqueViolationError } from '../store/errors';
import type { Store } from '../store/types';
import {
  DEMO_PASSWORD,
  DEMO_TABLE_CAPACITY,
  DEMO_TABLES_PER_THEME,
  demoAgenda,
  demoFair,
  demoPeople,
  demoThemes,
} from './demo-fair';

export interface DemoFairInfo {
  fairId: string;
  inviteCode: string;
  organiserEmail: string;
  password: string;
}

/** Fills an empty store with the 2021 Cooperation Fair so a fresh install has something to show. */
export async function seedDemoFair(
  store: Store,
  passwords: PasswordHasher,
  inviteCode: string,
): Promise<DemoFairInfo> {
  const passwordHash = await passwords.hash(DEMO_PASSWORD);
  const accounts = [];
  for (const person of demoPeople) {
    const account = await store.accounts.create({
      email: person.email,
      passwordHash,
      displayName: person.displayName,
    });
    accounts.push({ person, account });
  }
  const [organiser, ...others] = accounts;
  if (!organiser) throw new Error('The demo needs an organiser');

  const profileOf = (person: (typeof demoPeople)[number], roomIds: string[]) => ({
    displayName: person.displayName,
    organisation: person.organisation,
    organisationType: person.organisationType,
    title: person.title,
    languages: person.languages,
    themes: person.themes.flatMap((index) => roomIds[index] ?? []),
  });

  const { fair } = await store.fairs.create(
    {
      ...demoFair,
      languages: ['fi', 'en', 'sv'],
      status: 'open',
      meetingThresholdSeconds: 120,
    },
    { accountId: organiser.account.id, inviteCode, profile: profileOf(organiser.person, []) },
  );

  const roomIds: string[] = [];
  for (const [position, names] of demoThemes.entries()) {
    const room = await store.rooms.create(fair.id, { names, description: {}, position });
    roomIds.push(room.id);
    for (let table = 1; table <= DEMO_TABLES_PER_THEME; table += 1) {
      await store.tables.create(fair.id, room.id, {
        name: `${table}`,
        capacity: DEMO_TABLE_CAPACITY,
        position: table,
      });
    }
  }

  const registrations: Registration[] = [];
  for (const { person, account } of others) {
    const registration = await store.registrations.create(
      fair.id,
      account.id,
      profileOf(person, roomIds),
      person.role,
    );
    registrations.push(registration);
  }
  const speakerIds = registrations.filter((r) => r.role === 'speaker').map((r) => r.id);

  for (const item of demoAgenda) {
    await store.agenda.create(fair.id, {
      kind: item.kind,
      title: item.title,
      startsAt: item.startsAt,
      endsAt: item.endsAt,
      speakerIds: item.withSpeaker ? speakerIds : [],
      place: { kind: 'stage' },
    });
  }

  return {
    fairId: fair.id,
    inviteCode,
    organiserEmail: organiser.person.email,
    password: DEMO_PASSWORD,
  };
}

async function findDemoFair(store: Store): Promise<DemoFairInfo | undefined> {
  const existing = await store.fairs.findBySlug(demoFair.slug);
  if (!existing) return undefined;
  return {
    fairId: existing.id,
    inviteCode: (await store.fairs.inviteCode(existing.id)) ?? '',
    organiserEmail: demoPeople[0]?.email ?? '',
    password: DEMO_PASSWORD,
  };
}

/**
 * Seeds the demo into an empty store, or finds the one seeded before, so that every start can
 * print where to sign in. A store with other fairs and no demo is left alone.
 */
export async function ensureDemoFair(
  store: Store,
  passwords: PasswordHasher,
  inviteCode: string,
): Promise<DemoFairInfo | undefined> {
  const existing = await findDemoFair(store);
  if (existing || (await store.fairs.count()) > 0) return existing;
  try {
    return await seedDemoFair(store, passwords, inviteCode);
  } catch (error) {
    // Several nodes starting on one empty database all try; the first one's accounts win and
    // the others find its fair (or, if it is still being built, start without the demo line).
    if (!(error instanceof UniqueViolationError)) throw error;
    return findDemoFair(store);
  }
}
