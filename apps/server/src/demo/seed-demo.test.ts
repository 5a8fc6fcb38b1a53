import { describe, expect, it } from 'vitest';
import { createArgon2Hasher } from '../auth/passwords';
import { storeBackends } from '../../test/store-backends';
import { demoPeople, demoThemes } from './demo-fair';
import { ensureDemoFair } from './seed-demo';

describe.each(storeBackends)('demo fair seeding ($name)', (backend) => {
  const passwords = createArgon2Hasher();

  it('seeds an empty store once and finds the same fair on every later start', async () => {
    const { store, dispose } = await backend.open();
    try {
      const first = await ensureDemoFair(store, passwords, 'first-invite-code');
      const second = await ensureDemoFair(store, passwords, 'second-invite-code');
      expect(second).toEqual(first);
      expect(first?.inviteCode).toBe('first-invite-code');
      expect(await store.fairs.count()).toBe(1);
      expect(await store.rooms.listWithTables(first?.fairId ?? '')).toHaveLength(demoThemes.length);
    } finally {
      await dispose();
    }
  });

  it('survives two nodes seeding one empty database at the same moment', async () => {
    const { store, dispose } = await backend.open();
    try {
      const results = await Promise.all([
        ensureDemoFair(store, passwords, 'node-a-invite-code'),
        ensureDemoFair(store, passwords, 'node-b-invite-code'),
      ]);
      expect(results.some((result) => result !== undefined)).toBe(true);
      expect(await store.fairs.count()).toBe(1);
      const organiser = await store.accounts.findByEmail(demoPeople[0]?.email ?? '');
      expect(organiser).not.toBeNull();
    } finally {
      await dispose();
    }
  });

  it('leaves a store that already has other fairs alone', async () => {
    const { store, dispose } = await backend.open();
    try {
      const account = await store.accounts.create({
        email: 'olli@example.fi',
        passwordHash: 'x',
        displayName: 'Olli',
      });
      await store.fairs.create(
        {
          slug: 'oma-messu',
          title: 'Oma messu',
          description: '',
          timeZone: 'Europe/Helsinki',
          startsAt: '2026-03-10T10:00:00+02:00',
          endsAt: '2026-03-10T12:00:00+02:00',
          languages: ['fi'],
          status: 'draft',
          meetingThresholdSeconds: 120,
        },
        {
          accountId: account.id,
          inviteCode: 'own-invite-code',
          profile: {
            displayName: 'Olli',
            organisation: 'Oma ry',
            organisationType: 'ngo',
            title: '',
            languages: [],
            themes: [],
          },
        },
      );
      expect(await ensureDemoFair(store, passwords, 'demo-invite-code')).toBeUndefined();
      expect(await store.fairs.count()).toBe(1);
    } finally {
      await dispose();
    }
  });
});
