import argon2 from 'argon2';

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** Takes as long for an unknown account as for a wrong password, so timing reveals nothing. */
  verify(hash: string | undefined, password: string): Promise<boolean>;
}

/** argon2id with the library's defaults (64 MiB, 3 passes), the OWASP-recommended shape. */
export function createArgon2Hasher(): PasswordHasher {
  let decoyHash: Promise<string> | undefined;
  const hash = (password: string) => argon2.hash(password, { type: argon2.argon2id });
  return {
    hash,
    async verify(storedHash, password) {
      if (storedHash === undefined) {
        decoyHash ??= hash('decoy password that nobody has');
        await argon2.verify(await decoyHash, password);
        return false;
      }
      return argon2.verify(storedHash, password);
    },
  };
}
