import { describe, expect, it } from 'vitest';
import { InvalidReferenceError, UniqueViolationError } from '../src/store/errors';
import type { Store } from '../src/store/types';
import { storeBackends, useStore } from './store-backends';
import { createAccount, unique, unknownId } from './store-fixtures';

describe.each(storeBackends)('accounts and sessions in the store ($name)', (backend) => {
  let store: Store;
  useStore(backend, (opened) => (store = opened));

  describe('accounts', () => {
    it('creates an account and finds it by id and by email, hash only by email', async () => {
      const email = `${unique('aino')}@example.fi`;
      const account = await store.accounts.create({
        email,
        passwordHash: 'hash-1',
        displayName: 'Aino',
      });
      expect(account).toEqual({
        id: expect.any(String),
        email,
        displayName: 'Aino',
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
      });
      expect(await store.accounts.findById(account.id)).toEqual(account);
      expect(await store.accounts.findByEmail(email)).toEqual({
        ...account,
        passwordHash: 'hash-1',
      });
    });

    it('stores the email in lowercase and finds it whatever the letter case', async () => {
      const local = unique('Mixed');
      const account = await store.accounts.create({
        email: `${local}@Example.FI`,
        passwordHash: 'hash',
        displayName: 'Mixed',
      });
      expect(account.email).toBe(`${local.toLowerCase()}@example.fi`);
      expect((await store.accounts.findByEmail(`${local.toUpperCase()}@EXAMPLE.fi`))?.id).toBe(
        account.id,
      );
    });

    it('refuses a second account with the same email, whatever its letter case', async () => {
      const account = await createAccount(store);
      const attempt = store.accounts.create({
        email: account.email.toUpperCase(),
        passwordHash: 'other',
        displayName: 'Impostor',
      });
      await expect(attempt).rejects.toBeInstanceOf(UniqueViolationError);
      await expect(attempt).rejects.toMatchObject({ constraint: 'accounts_email_unique' });
    });

    it('stores an account with its first session, or neither', async () => {
      const expiresAt = new Date(Date.now() + 3_600_000);
      const session = { id: unique('istunto'), expiresAt };
      const account = await store.accounts.create(
        { email: `${unique('bertta')}@example.fi`, passwordHash: 'hash', displayName: 'Bertta' },
        session,
      );
      expect(await store.sessions.findAccount(session.id, new Date())).toEqual(account);

      // The session cannot be stored (its id is taken), so the account is not kept either.
      const email = `${unique('cecilia')}@example.fi`;
      const attempt = store.accounts.create(
        { email, passwordHash: 'hash', displayName: 'Cecilia' },
        session,
      );
      await expect(attempt).rejects.toBeInstanceOf(UniqueViolationError);
      expect(await store.accounts.findByEmail(email)).toBeNull();
    });

    it('finds nothing for an unknown email, an unknown id or a malformed id', async () => {
      expect(await store.accounts.findByEmail(`${unique('nobody')}@example.fi`)).toBeNull();
      expect(await store.accounts.findById(unknownId())).toBeNull();
      expect(await store.accounts.findById('not-a-uuid')).toBeNull();
    });
  });

  describe('sessions', () => {
    it('finds a session until it expires and not after', async () => {
      const account = await createAccount(store);
      const expiresAt = new Date('2030-01-01T12:00:00.000Z');
      const id = unique('session');
      expect(await store.sessions.create({ id, accountId: account.id, expiresAt })).toEqual({
        id,
        accountId: account.id,
        expiresAt,
      });
      const before = new Date('2030-01-01T11:59:59.000Z');
      expect(await store.sessions.findValid(id, before)).toEqual({
        id,
        accountId: account.id,
        expiresAt,
      });
      expect(await store.sessions.findAccount(id, before)).toEqual(account);
      expect(await store.sessions.findValid(id, expiresAt)).toBeNull();
      expect(await store.sessions.findAccount(id, expiresAt)).toBeNull();
      expect(await store.sessions.findValid(id, new Date('2030-01-02T00:00:00.000Z'))).toBeNull();
    });

    it('forgets a deleted session, and deleting an unknown one is harmless', async () => {
      const account = await createAccount(store);
      const id = unique('session');
      await store.sessions.create({
        id,
        accountId: account.id,
        expiresAt: new Date(Date.now() + 60_000),
      });
      await store.sessions.delete(id);
      expect(await store.sessions.findValid(id, new Date())).toBeNull();
      await expect(store.sessions.delete(unique('missing'))).resolves.toBeUndefined();
    });

    it('finds nothing for an unknown session id', async () => {
      expect(await store.sessions.findValid(unique('missing'), new Date())).toBeNull();
      expect(await store.sessions.findAccount(unique('missing'), new Date())).toBeNull();
    });

    it('refuses a session for an account that does not exist', async () => {
      const attempt = store.sessions.create({
        id: unique('session'),
        accountId: unknownId(),
        expiresAt: new Date(Date.now() + 60_000),
      });
      await expect(attempt).rejects.toBeInstanceOf(InvalidReferenceError);
    });
  });

  it('answers a ping while open', async () => {
    await expect(store.ping()).resolves.toBeUndefined();
  });
});
