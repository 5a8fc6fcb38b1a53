import { describe, expect, it } from 'vitest';
import { roundPlanBodySchema } from './rounds';

const person = '7a1f3c52-4a9e-4bd4-9d35-0c8d8a4b1e01';
const [tableA, tableB] = [
  '0b6a8b0e-6f0e-4c1e-9a43-1d7b8f1c2a01',
  '0b6a8b0e-6f0e-4c1e-9a43-1d7b8f1c2a02',
];

describe('roundPlanBodySchema', () => {
  it('starts a plan with no pre-assignments', () => {
    expect(roundPlanBodySchema.parse({ mode: 'shuffle' })).toEqual({
      mode: 'shuffle',
      preassignments: [],
    });
  });

  it('refuses one person pre-assigned to two tables', () => {
    const result = roundPlanBodySchema.safeParse({
      mode: 'free',
      preassignments: [
        { registrationId: person, tableId: tableA },
        { registrationId: person, tableId: tableB },
      ],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['preassignments', 1, 'registrationId']);
  });
});
