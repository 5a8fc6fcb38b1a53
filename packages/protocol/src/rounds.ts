import { z } from 'zod';
import { idSchema } from './common';

/**
 * Seating for networking rounds. Per networking-round agenda item the organisers keep a plan:
 * `free` moves nobody but the people they pre-assigned; `shuffle` also seats everyone else
 * present who has not opted out, mixing organisation types and keeping apart people who already
 * met. The plan is applied once, when the round starts; each person moved hears `round.seated`.
 */

export const ROUND_MODES = ['free', 'shuffle'] as const;
export const roundModeSchema = z.enum(ROUND_MODES);
export type RoundMode = z.infer<typeof roundModeSchema>;

/** Seats of a large round; keeps a plan within the API's 64 kB body limit. */
export const MAX_ROUND_PREASSIGNMENTS = 500;

export const roundPreassignmentSchema = z
  .object({ registrationId: idSchema, tableId: idSchema })
  .strict();
export type RoundPreassignment = z.infer<typeof roundPreassignmentSchema>;

export const roundPlanBodySchema = z
  .object({
    mode: roundModeSchema,
    preassignments: z.array(roundPreassignmentSchema).max(MAX_ROUND_PREASSIGNMENTS).default([]),
  })
  .strict()
  .superRefine((plan, context) => {
    const seen = new Set<string>();
    plan.preassignments.forEach(({ registrationId }, index) => {
      if (seen.has(registrationId)) {
        context.addIssue({
          code: 'custom',
          path: ['preassignments', index, 'registrationId'],
          message: 'A person can be pre-assigned to one table only',
        });
      }
      seen.add(registrationId);
    });
  });
export type RoundPlanBody = z.input<typeof roundPlanBodySchema>;

export const roundPlanSchema = z.object({
  itemId: idSchema,
  mode: roundModeSchema,
  preassignments: z.array(roundPreassignmentSchema),
});
export type RoundPlan = z.infer<typeof roundPlanSchema>;

export const roundPlanResponseSchema = z.object({ plan: roundPlanSchema });
export type RoundPlanResponse = z.infer<typeof roundPlanResponseSchema>;

/** A person's choice to stay where they are when a round shuffles everyone. */
export const roundOptOutBodySchema = z.object({ optedOut: z.boolean() }).strict();
export type RoundOptOutBody = z.input<typeof roundOptOutBodySchema>;
export const roundOptOutResponseSchema = z.object({ optedOut: z.boolean() });
export type RoundOptOutResponse = z.infer<typeof roundOptOutResponseSchema>;

/** Spread into `apiRoutes`. */
export const roundRoutes = {
  /** GET / PUT (organisers): the seating plan of one networking round. */
  roundPlan: '/api/fairs/:fairId/agenda/:itemId/seating',
  /** GET / PUT (the person): whether the signed-in person stays out of shuffles. */
  roundOptOut: '/api/fairs/:fairId/rounds/opt-out',
} as const;

/** Told to a person the round moved: the server has already moved them (`presence.self`). */
export const roundSeatedSchema = z.object({
  itemId: idSchema,
  roomId: idSchema,
  tableId: idSchema,
  /** True when an organiser chose this table for them rather than the shuffle. */
  preassigned: z.boolean(),
});
export type RoundSeated = z.infer<typeof roundSeatedSchema>;

export const roundLiveEvents = {
  'round.seated': roundSeatedSchema,
} as const;
