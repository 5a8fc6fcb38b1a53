import { ERASED_PERSON_ID, type FairReport } from '@kohtaamo/protocol';
import { getTableName, is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { fairContentTables, personalTables, protectionTables } from '../src/store/personal-data';
import * as schema from '../src/store/schema';
import type { Store } from '../src/store/types';
import { populatedFair } from './personal-data-fixture';
import { storeBackends, useStore } from './store-backends';
import { createFair, newFair, profile, register, unique } from './store-fixtures';

const erasedAt = new Date('2026-05-20T10:00:00.000Z');

function reportOf(fairId: string, registered: number): FairReport {
  const none = { average: 0, median: 0, histogram: [] };
  return {
    fairId,
    generatedAt: erasedAt.toISOString(),
    meetingThresholdSeconds: 120,
    participants: { registered, seated: registered },
    meetings: 2,
    newPeople: none,
    newOrganisations: none,
    themes: [],
    occupancy: { bucketSeconds: 300, rooms: [], series: [] },
    organisationLinks: [],
  };
}

/** Every personal table at zero, apart from the ones named. */
function nothingBut(expected: Record<string, number> = {}): Record<string, number> {
  return Object.fromEntries(
    personalTables.map(({ table }) => [getTableName(table), expected[getTableName(table)] ?? 0]),
  );
}

describe('the declared personal tables', () => {
  it('cover every table of the schema, so a new table has to decide how it is erased', () => {
    const declared = [
      ...personalTables.map(({ table }) => table),
      ...fairContentTables,
      ...protectionTables,
    ].map((table) => getTableName(table));
    const inSchema = Object.values(schema as Record<string, unknown>)
      .filter((value): value is PgTable => is(value, PgTable))
      .map((table) => getTableName(table));
    expect([...declared].sort()).toEqual([...inSchema].sort());
    expect(new Set(declared).size).toBe(declared.length);
  });
});

describe.each(storeBackends)('data protection in the store ($name)', (backend) => {
  let store: Store;
  useStore(backend, (opened) => (store = opened));

  it('the fixture holds data in every personal table', async () => {
    const { fair, organiserAccount, aino, bertil, chen, organiser } = await populatedFair(store);
    const counts = await store.dataRights.countPersonalRows({
      fairId: fair.id,
      registrationIds: [organiser.id, aino.id, bertil.id, chen.id],
      accountIds: [organiserAccount.id, chen.accountId],
    });
    for (const [table, count] of Object.entries(counts)) {
      expect(count, `rows of ${table}`).toBeGreaterThan(0);
    }
  });

  it("erases everything personal of a fair but the organisers' registrations", async () => {
    const { fair, organiser, aino, bertil, chen } = await populatedFair(store);
    const other = await populatedFair(store);
    const before = await store.dataRights.countPersonalRows({ fairId: other.fair.id });

    const outcome = await store.dataRights.eraseFair(fair.id, {
      report: reportOf(fair.id, 3),
      now: erasedAt,
      inviteCode: 'new-code-after-erasure',
    });

    expect(outcome).toEqual({ kind: 'erased', erasedAt, people: 3 });
    const scope = {
      fairId: fair.id,
      registrationIds: [organiser.id, aino.id, bertil.id, chen.id],
    };
    expect(await store.dataRights.countPersonalRows(scope)).toEqual(
      nothingBut({ registrations: 1 }),
    );
    expect(await store.registrations.list(fair.id)).toEqual([organiser]);
    expect(await store.fairs.inviteCode(fair.id)).toBe('new-code-after-erasure');
    expect((await store.fairs.findById(fair.id))?.erasedAt).toBe(erasedAt.toISOString());
    expect(await store.dataRights.reportSnapshot(fair.id)).toEqual({
      report: reportOf(fair.id, 3),
      erasedAt,
    });
    // The fair itself, its rooms and its agenda stay.
    expect(await store.rooms.listWithTables(fair.id)).toHaveLength(1);
    expect(await store.agenda.list(fair.id)).toHaveLength(2);
    // Another fair is untouched.
    expect(await store.dataRights.countPersonalRows({ fairId: other.fair.id })).toEqual(before);
  });

  it('refuses to erase a fair that is not closed, changing nothing', async () => {
    const { fair } = await populatedFair(store, 'live');
    const before = await store.dataRights.countPersonalRows({ fairId: fair.id });
    const outcome = await store.dataRights.eraseFair(fair.id, {
      report: reportOf(fair.id, 3),
      now: erasedAt,
      inviteCode: 'unused',
    });
    expect(outcome).toEqual({ kind: 'not_closed' });
    expect(await store.dataRights.countPersonalRows({ fairId: fair.id })).toEqual(before);
    expect(await store.dataRights.reportSnapshot(fair.id)).toBeNull();
  });

  it('a second erasure removes later registrations and keeps the first snapshot and date', async () => {
    const { fair } = await populatedFair(store);
    await store.dataRights.eraseFair(fair.id, {
      report: reportOf(fair.id, 3),
      now: erasedAt,
      inviteCode: 'first',
    });
    await register(store, fair.id, { displayName: 'Myöhäinen' });
    const later = new Date(erasedAt.getTime() + 86_400_000);
    const outcome = await store.dataRights.eraseFair(fair.id, {
      report: reportOf(fair.id, 1),
      now: later,
      inviteCode: 'second',
    });
    expect(outcome).toEqual({ kind: 'erased', erasedAt, people: 1 });
    expect((await store.dataRights.reportSnapshot(fair.id))?.report.participants.registered).toBe(
      3,
    );
  });

  it('deletes an account with everything of its registrations; the other side loses the card', async () => {
    const { fair, aino, chen, organiser } = await populatedFair(store);
    const second = await createFair(store);
    const chenElsewhere = await store.registrations.create(second.fair.id, chen.accountId, {
      ...chen.profile,
      themes: [],
    });

    const outcome = await store.dataRights.eraseAccount(chen.accountId);

    expect(outcome).toEqual({
      kind: 'deleted',
      registrations: expect.arrayContaining([
        { fairId: fair.id, id: chen.id },
        { fairId: second.fair.id, id: chenElsewhere.id },
      ]) as unknown,
      deletedFairIds: [],
    });
    expect(
      await store.dataRights.countPersonalRows({
        registrationIds: [chen.id, chenElsewhere.id],
        accountIds: [chen.accountId],
      }),
    ).toEqual(nothingBut());
    expect(await store.accounts.findById(chen.accountId)).toBeNull();
    expect(await store.exchanges.listFor(fair.id, aino.id)).toEqual([]);
    // The moderation log keeps the entry, with the person anonymised.
    const [entry] = await store.moderationLog.list(fair.id, 10);
    expect(entry?.target).toEqual({ id: ERASED_PERSON_ID, name: '', organisation: '' });
    expect(entry?.actor.id).toBe(aino.id);
    // Everyone else keeps their data.
    expect(await store.registrations.findById(fair.id, organiser.id)).not.toBeNull();
    expect(await store.cards.find(fair.id, aino.id)).not.toBeNull();
  });

  it('anonymises a moderator in the log when their account is deleted', async () => {
    const { fair, aino, chen } = await populatedFair(store);
    await store.dataRights.eraseAccount(aino.accountId);
    const [entry] = await store.moderationLog.list(fair.id, 10);
    expect(entry?.actor).toEqual({ id: ERASED_PERSON_ID, name: '', organisation: '' });
    expect(entry?.target?.id).toBe(chen.id);
  });

  it('refuses to delete the only organiser of a fair others are in, changing nothing', async () => {
    const { fair, organiser, organiserAccount } = await populatedFair(store);
    // The same account also organises a fair nobody else joined.
    const alone = await store.fairs.create(newFair({ title: 'Vain minä' }), {
      accountId: organiserAccount.id,
      profile: profile(),
      inviteCode: unique('invite'),
    });
    const outcome = await store.dataRights.eraseAccount(organiserAccount.id);
    expect(outcome).toEqual({
      kind: 'sole_organiser',
      fairs: [{ id: fair.id, title: fair.title }],
    });
    expect(await store.registrations.findById(fair.id, organiser.id)).not.toBeNull();
    expect(await store.fairs.findById(alone.fair.id)).not.toBeNull();
  });

  it('deletes a fair nobody else is in together with its only organiser', async () => {
    const { fair, organiserAccount } = await createFair(store);
    const outcome = await store.dataRights.eraseAccount(organiserAccount.id);
    expect(outcome).toMatchObject({ kind: 'deleted', deletedFairIds: [fair.id] });
    expect(await store.fairs.findById(fair.id)).toBeNull();
  });

  it('lets an organiser go when another organiser stays', async () => {
    const { fair, organiserAccount, aino } = await populatedFair(store);
    await store.registrations.assignRole(fair.id, aino.id, 'organiser', []);
    expect(await store.dataRights.eraseAccount(organiserAccount.id)).toMatchObject({
      kind: 'deleted',
      deletedFairIds: [],
    });
    expect(await store.fairs.findById(fair.id)).not.toBeNull();
  });

  it("exports a person's own side of everything, and no one else's card or notes", async () => {
    const { fair, aino, chen, table } = await populatedFair(store);
    const exported = await store.dataRights.personalData(chen.accountId, erasedAt);
    expect(exported?.account.id).toBe(chen.accountId);
    expect(exported?.fairs).toHaveLength(1);
    const [mine] = exported!.fairs;
    expect(mine).toMatchObject({
      fair: { id: fair.id, title: fair.title },
      registration: { id: chen.id },
      card: { fields: { name: 'Chen' }, shared: ['name', 'email'] },
      exchanges: [
        {
          direction: 'sent',
          other: { id: aino.id, name: 'Aino' },
          message: 'Hei!',
          status: 'accepted',
        },
      ],
      notes: [{ contact: { id: aino.id }, note: 'Fasilitaattori' }],
      blocked: [],
      seatIntervals: [{ tableId: table.id }],
      chatMessages: [{ text: 'Hei kaikki' }],
      helpRequests: [{ note: 'Ääni ei kuulu', outcome: 'resolved' }],
      moderation: [{ by: { id: aino.id }, action: { kind: 'mute' }, reason: 'Kaikuu' }],
      roundOptOut: false,
    });
    expect(mine!.meetings).toHaveLength(2);
    const text = JSON.stringify(exported);
    expect(text).not.toContain('Asuntoasiat');
    expect(text).not.toContain('argon2id');
    expect(await store.dataRights.personalData(chen.id, erasedAt)).toBeNull();
  });
});
