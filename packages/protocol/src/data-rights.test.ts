import { describe, expect, it } from 'vitest';
import { confirmsErasure, eraseFairBodySchema } from './data-rights';

describe('confirming the erasure of a fair', () => {
  it('accepts the title typed back in any case, with extra spaces', () => {
    expect(confirmsErasure('Reilu kohtaamo', 'Reilu kohtaamo')).toBe(true);
    expect(confirmsErasure('  REILU   Kohtaamo ', 'Reilu kohtaamo')).toBe(true);
    expect(confirmsErasure('Åbo mässa', 'åbo MÄSSA')).toBe(true);
  });

  it('refuses anything else: a part of the title, another letter, nothing', () => {
    expect(confirmsErasure('Reilu', 'Reilu kohtaamo')).toBe(false);
    expect(confirmsErasure('Reilu kohtamo', 'Reilu kohtaamo')).toBe(false);
    expect(confirmsErasure('Abo massa', 'Åbo mässa')).toBe(false);
    expect(confirmsErasure('', 'Reilu kohtaamo')).toBe(false);
  });

  it('takes the confirmation and nothing more in the body', () => {
    expect(eraseFairBodySchema.safeParse({ confirmation: 'x' }).success).toBe(true);
    expect(eraseFairBodySchema.safeParse({}).success).toBe(false);
    expect(eraseFairBodySchema.safeParse({ confirmation: 'x', force: true }).success).toBe(false);
  });
});
