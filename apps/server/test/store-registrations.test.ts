import { describe, expect, it } from 'vitest';
import { InvalidReferenceError, UniqueViolationError } from '../src/store/errors';
import type { Store } from '../src/store/types';
import { storeBackends, useStore } from './store-backends';
import {
  createAccount,
  createFair,
  createRoom,
  expectCheckViolation,
  profile,
  register,
  unknownId,
} from './store-fixtures';

describe.each(storeBackends)('registrations in the store ($name)', (backend) => {
  let store: Store;
  useStore(backend, (opened) => (store = opened));

  it('registers a person as a participant with their profile', async () => {
    const { fair } = await createFair(store);
    const room = await createRoom(store, fair.id);
    const account = await createAccount(store);
    const given = profile({ themes: [room.id], languages: ['fi', 'ar'] });
    const registration = await store.registrations.create(fair.id, account.id, given);
    expect(registration).toEqual({
      id: expect.any(String),
      fairId: fair.id,
      accountId: account.id,
      role: 'participant',
      facilitatorRoomIds: [],
      profile: given,
      consentedAt: null,
      createdAt: expect.any(String),
    });
    expect(await store.registrations.findById(fair.id, registration.id)).toEqual(registration);
    expect(await store.registrations.findByAccount(fair.id, account.id)).toEqual(registration);
  });

  it('keeps when the person consented to the data use', async () => {
    const { fair } = await createFair(store);
    const account = await createAccount(store);
    const consentedAt = new Date('2026-03-01T09:30:00.000Z');
    const created = await store.registrations.create(
      fair.id,
      account.id,
      profile(),
      'participant',
      consentedAt,
    );
    expect(created.consentedAt).toBe(consentedAt.toISOString());
    const stored = await store.registrations.findById(fair.id, created.id);
    expect(stored?.consentedAt).toBe(consentedAt.toISOString());
  });

  it('refuses to register the same person twice for a fair', async () => {
    const { fair } = await createFair(store);
    const account = await createAccount(store);
    await store.registrations.create(fair.id, account.id, profile());
    const attempt = store.registrations.create(fair.id, account.id, profile(), 'speaker');
    await expect(attempt).rejects.toBeInstanceOf(UniqueViolationError);
    await expect(attempt).rejects.toMatchObject({
      constraint: 'registrations_fair_account_unique',
    });
  });

  it('refuses themes that are not rooms of the fair, writing nothing', async () => {
    const { fair } = await createFair(store);
    const { fair: otherFair } = await createFair(store);
    const ours = await createRoom(store, fair.id);
    const theirs = await createRoom(store, otherFair.id);
    const account = await createAccount(store);
    const attempt = store.registrations.create(
      fair.id,
      account.id,
      profile({ themes: [ours.id, theirs.id] }),
    );
    await expect(attempt).rejects.toBeInstanceOf(InvalidReferenceError);
    await expect(attempt).rejects.toMatchObject({ path: ['profile', 'themes', 1] });
    expect(await store.registrations.findByAccount(fair.id, account.id)).toBeNull();
  });

  it('lists the registrations of a fair in sign-up order', async () => {
    const { fair, organiser } = await createFair(store);
    const first = await register(store, fair.id, { displayName: 'Eka' });
    const second = await register(store, fair.id, { displayName: 'Toka' });
    const { fair: otherFair } = await createFair(store);
    await register(store, otherFair.id);
    expect(await store.registrations.list(fair.id)).toEqual([organiser, first, second]);
  });

  it('lists only the people with the asked roles', async () => {
    const { fair, organiser } = await createFair(store);
    await register(store, fair.id, { displayName: 'Osallistuja' });
    const speaker = await register(store, fair.id, { displayName: 'Puhuja' }, 'speaker');
    expect(await store.registrations.list(fair.id, { roles: ['organiser', 'speaker'] })).toEqual([
      organiser,
      speaker,
    ]);
    expect(await store.registrations.list(fair.id, { roles: [] })).toEqual([]);
  });

  it('lists only the people asked for by id, and only within the fair', async () => {
    const { fair, organiser } = await createFair(store);
    await register(store, fair.id, { displayName: 'Ohitettu' });
    const asked = await register(store, fair.id, { displayName: 'Kysytty' });
    const { fair: otherFair } = await createFair(store);
    const elsewhere = await register(store, otherFair.id);
    const ids = [asked.id, organiser.id, elsewhere.id, 'not-an-id'];
    expect(await store.registrations.list(fair.id, { ids })).toEqual([organiser, asked]);
    expect(await store.registrations.list(fair.id, { ids: [] })).toEqual([]);
  });

  it('replaces the profile, checking the themes', async () => {
    const { fair } = await createFair(store);
    const { fair: otherFair } = await createFair(store);
    const room = await createRoom(store, fair.id);
    const foreign = await createRoom(store, otherFair.id);
    const registration = await register(store, fair.id);
    const next = profile({
      organisation: 'Helsingin kaupunki',
      organisationType: 'municipality',
      themes: [room.id],
    });
    expect(await store.registrations.updateProfile(fair.id, registration.id, next)).toEqual({
      ...registration,
      profile: next,
    });
    await expect(
      store.registrations.updateProfile(
        fair.id,
        registration.id,
        profile({ themes: [foreign.id] }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidReferenceError', path: ['profile', 'themes', 0] });
    expect((await store.registrations.findById(fair.id, registration.id))?.profile).toEqual(next);
    expect(await store.registrations.updateProfile(otherFair.id, registration.id, next)).toBeNull();
  });

  it('makes a person facilitator of rooms, and another role drops the rooms', async () => {
    const { fair } = await createFair(store);
    const first = await createRoom(store, fair.id, 'Eka', 0);
    const second = await createRoom(store, fair.id, 'Toka', 1);
    const registration = await register(store, fair.id);
    const facilitator = await store.registrations.assignRole(
      fair.id,
      registration.id,
      'facilitator',
      [second.id, first.id, second.id],
    );
    expect(facilitator).toMatchObject({
      role: 'facilitator',
      facilitatorRoomIds: [first.id, second.id],
    });
    expect(await store.registrations.findById(fair.id, registration.id)).toEqual(facilitator);

    const reassigned = await store.registrations.assignRole(
      fair.id,
      registration.id,
      'facilitator',
      [second.id.toUpperCase(), second.id],
    );
    expect(reassigned?.facilitatorRoomIds).toEqual([second.id]);

    const speaker = await store.registrations.assignRole(fair.id, registration.id, 'speaker', [
      first.id,
    ]);
    expect(speaker).toMatchObject({ role: 'speaker', facilitatorRoomIds: [] });
    expect((await store.rooms.findById(fair.id, first.id))?.facilitatorIds).toEqual([]);
  });

  it('refuses facilitator rooms of another fair, leaving the role as it was', async () => {
    const { fair } = await createFair(store);
    const { fair: otherFair } = await createFair(store);
    const foreign = await createRoom(store, otherFair.id);
    const registration = await register(store, fair.id);
    const attempt = store.registrations.assignRole(fair.id, registration.id, 'facilitator', [
      foreign.id,
    ]);
    await expect(attempt).rejects.toBeInstanceOf(InvalidReferenceError);
    await expect(attempt).rejects.toMatchObject({ path: ['facilitatorRoomIds', 0] });
    expect(await store.registrations.findById(fair.id, registration.id)).toEqual(registration);
  });

  it('answers registrations outside the fair with null', async () => {
    const { fair, organiser, organiserAccount } = await createFair(store);
    const { fair: otherFair } = await createFair(store);
    expect(await store.registrations.findById(otherFair.id, organiser.id)).toBeNull();
    expect(await store.registrations.findByAccount(otherFair.id, organiserAccount.id)).toBeNull();
    expect(await store.registrations.findById(fair.id, unknownId())).toBeNull();
    expect(await store.registrations.findById(fair.id, 'registration-1')).toBeNull();
    expect(
      await store.registrations.assignRole(otherFair.id, organiser.id, 'speaker', []),
    ).toBeNull();
    expect(await store.registrations.list('fair-1')).toEqual([]);
  });

  it('has the database refuse an unknown role or organisation type', async () => {
    const { fair } = await createFair(store);
    const registration = await register(store, fair.id);
    await expectCheckViolation(
      store.registrations.assignRole(fair.id, registration.id, 'king' as 'speaker', []),
      'registrations_role_valid',
    );
    await expectCheckViolation(
      store.registrations.updateProfile(
        fair.id,
        registration.id,
        profile({ organisationType: 'guild' as 'ngo' }),
      ),
      'registrations_organisation_type_valid',
    );
    expect(await store.registrations.findById(fair.id, registration.id)).toEqual(registration);
  });

  it('refuses a registration for an account that does not exist', async () => {
    const { fair } = await createFair(store);
    await expect(
      store.registrations.create(fair.id, unknownId(), profile()),
    ).rejects.toBeInstanceOf(InvalidReferenceError);
  });
});
