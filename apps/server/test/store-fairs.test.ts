import { describe, expect, it } from 'vitest';
import { InvalidReferenceError, UniqueViolationError } from '../src/store/errors';
import type { Store } from '../src/store/types';
import { storeBackends, useStore } from './store-backends';
import {
  createAccount,
  createFair,
  createRoom,
  expectCheckViolation,
  newFair,
  profile,
  unique,
  unknownId,
} from './store-fixtures';

describe.each(storeBackends)('fairs in the store ($name)', (backend) => {
  let store: Store;
  useStore(backend, (opened) => (store = opened));

  it('creates a fair together with its organiser registration', async () => {
    const account = await createAccount(store);
    const input = newFair();
    const inviteCode = unique('invite');
    const { fair, registration } = await store.fairs.create(input, {
      accountId: account.id,
      profile: profile(),
      inviteCode,
    });
    expect(fair).toEqual({
      id: expect.any(String),
      slug: input.slug,
      title: input.title,
      description: input.description,
      timeZone: 'Europe/Helsinki',
      startsAt: '2026-05-12T06:00:00.000Z',
      endsAt: '2026-05-12T14:00:00.000Z',
      languages: ['fi', 'en', 'sv'],
      status: 'draft',
      meetingThresholdSeconds: 120,
      erasedAt: null,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(registration).toMatchObject({
      fairId: fair.id,
      accountId: account.id,
      role: 'organiser',
      facilitatorRoomIds: [],
      profile: profile(),
    });
    expect(await store.registrations.findByAccount(fair.id, account.id)).toEqual(registration);
    expect(await store.fairs.inviteCode(fair.id)).toBe(inviteCode);
  });

  it('finds a fair by id, slug and invite code', async () => {
    const { fair } = await createFair(store);
    const code = await store.fairs.inviteCode(fair.id);
    expect(await store.fairs.findById(fair.id)).toEqual(fair);
    expect(await store.fairs.findBySlug(fair.slug)).toEqual(fair);
    expect(await store.fairs.findByInviteCode(code!)).toEqual(fair);
  });

  it('finds nothing for unknown ids, slugs and codes', async () => {
    expect(await store.fairs.findById(unknownId())).toBeNull();
    expect(await store.fairs.findById('kevätmessut')).toBeNull();
    expect(await store.fairs.findBySlug(unique('missing'))).toBeNull();
    expect(await store.fairs.findByInviteCode(unique('missing'))).toBeNull();
    expect(await store.fairs.inviteCode(unknownId())).toBeNull();
    expect(await store.fairs.update(unknownId(), { title: 'x' })).toBeNull();
  });

  it('changes only the given fields and moves updatedAt forward', async () => {
    const { fair } = await createFair(store);
    const updated = await store.fairs.update(fair.id, {
      title: 'Uusi nimi',
      status: 'open',
      endsAt: '2026-05-12T15:00:00+00:00',
    });
    expect(updated).toEqual({
      ...fair,
      title: 'Uusi nimi',
      status: 'open',
      endsAt: '2026-05-12T15:00:00.000Z',
      updatedAt: expect.any(String),
    });
    expect(Date.parse(updated!.updatedAt)).toBeGreaterThanOrEqual(Date.parse(fair.updatedAt));
    expect(await store.fairs.findById(fair.id)).toEqual(updated);
  });

  it('refuses a taken slug on create and on update, writing nothing', async () => {
    const { fair } = await createFair(store);
    const account = await createAccount(store);
    const before = await store.fairs.count();
    const attempt = store.fairs.create(newFair({ slug: fair.slug }), {
      accountId: account.id,
      profile: profile(),
      inviteCode: unique('invite'),
    });
    await expect(attempt).rejects.toBeInstanceOf(UniqueViolationError);
    await expect(attempt).rejects.toMatchObject({ constraint: 'fairs_slug_unique' });
    expect(await store.fairs.count()).toBe(before);
    expect(await store.fairs.listForAccount(account.id)).toEqual([]);

    const other = await createFair(store);
    await expect(store.fairs.update(other.fair.id, { slug: fair.slug })).rejects.toMatchObject({
      constraint: 'fairs_slug_unique',
    });
  });

  it('rolls the fair back when the organiser profile names a room of another fair', async () => {
    const { fair: otherFair } = await createFair(store);
    const room = await createRoom(store, otherFair.id);
    const account = await createAccount(store);
    const input = newFair();
    const attempt = store.fairs.create(input, {
      accountId: account.id,
      profile: profile({ themes: [room.id] }),
      inviteCode: unique('invite'),
    });
    await expect(attempt).rejects.toBeInstanceOf(InvalidReferenceError);
    await expect(attempt).rejects.toMatchObject({ path: ['profile', 'themes', 0] });
    expect(await store.fairs.findBySlug(input.slug)).toBeNull();
  });

  it('replaces the invite code, and refuses one that another fair uses', async () => {
    const { fair } = await createFair(store);
    const code = unique('invite');
    await store.fairs.setInviteCode(fair.id, code);
    expect(await store.fairs.inviteCode(fair.id)).toBe(code);
    expect((await store.fairs.findByInviteCode(code))?.id).toBe(fair.id);

    const other = await createFair(store);
    await expect(store.fairs.setInviteCode(other.fair.id, code)).rejects.toMatchObject({
      name: 'UniqueViolationError',
      constraint: 'fairs_invite_code_unique',
    });
  });

  it('lists the fairs a person is registered for, with their role, in start order', async () => {
    const late = await createFair(store, {
      startsAt: '2026-09-01T06:00:00Z',
      endsAt: '2026-09-01T12:00:00Z',
    });
    const early = await createFair(store, {
      startsAt: '2026-03-01T06:00:00Z',
      endsAt: '2026-03-01T12:00:00Z',
    });
    await store.registrations.create(late.fair.id, early.organiserAccount.id, profile());
    expect(await store.fairs.listForAccount(early.organiserAccount.id)).toEqual([
      { fair: early.fair, role: 'organiser' },
      { fair: late.fair, role: 'participant' },
    ]);
    expect(await store.fairs.listForAccount(unknownId())).toEqual([]);
  });

  it('counts the fairs', async () => {
    const before = await store.fairs.count();
    await createFair(store);
    expect(await store.fairs.count()).toBe(before + 1);
  });

  it('has the database refuse a threshold, a status or times outside the rules', async () => {
    const { fair } = await createFair(store);
    await expectCheckViolation(
      store.fairs.update(fair.id, { meetingThresholdSeconds: 5 }),
      'fairs_meeting_threshold_range',
    );
    await expectCheckViolation(
      store.fairs.update(fair.id, { endsAt: '2026-05-12T05:00:00Z' }),
      'fairs_ends_after_start',
    );
    // Casts stand in for a caller that skipped the protocol schema.
    await expectCheckViolation(
      store.fairs.update(fair.id, { status: 'archived' as 'draft' }),
      'fairs_status_valid',
    );
    await expectCheckViolation(
      store.fairs.update(fair.id, { languages: ['de' as 'fi'] }),
      'fairs_languages_valid',
    );
    expect(await store.fairs.findById(fair.id)).toEqual(fair);
  });
});
