import { describe, expect, it } from 'vitest';
import { createArgon2Hasher } from './passwords';

describe('argon2 password hasher', () => {
  const hasher = createArgon2Hasher();

  it('stores an argon2id hash that accepts only the right password', async () => {
    const hash = await hasher.hash('kotoutuminen-2021');
    expect(hash.startsWith('$argon2id$')).toBe(true);
    expect(await hasher.verify(hash, 'kotoutuminen-2021')).toBe(true);
    expect(await hasher.verify(hash, 'kotoutuminen-2022')).toBe(false);
  });

  it('refuses every password for an unknown account', async () => {
    expect(await hasher.verify(undefined, 'anything at all')).toBe(false);
  });
});
