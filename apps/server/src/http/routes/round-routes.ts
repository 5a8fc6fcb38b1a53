import {
  apiRoutes,
  roundOptOutBodySchema,
  roundPlanBodySchema,
  type RoundOptOutResponse,
  type RoundPlanResponse,
} from '@kohtaamo/protocol';
import { Router } from 'express';
import type { HttpDeps } from '../deps';
import { authorizeFair } from '../fair-access';
import { notFound } from '../http-error';
import { parseBody, parseId } from '../validate';

/** Seating plans of networking rounds (organisers) and each person's opt-out from shuffles. */
export function roundRoutes(deps: HttpDeps): Router {
  const { store } = deps;
  const router = Router();

  router.get(apiRoutes.roundPlan, async (req, res) => {
    const { fair } = await authorizeFair(store, req, res, 'fair.manage');
    const itemId = parseId(req.params.itemId, 'The networking round');
    const plan = await store.rounds.plan(fair.id, itemId);
    if (!plan) throw notFound('The networking round');
    const response: RoundPlanResponse = { plan };
    res.json(response);
  });

  router.put(apiRoutes.roundPlan, async (req, res) => {
    const { fair } = await authorizeFair(store, req, res, 'fair.manage');
    const itemId = parseId(req.params.itemId, 'The networking round');
    const body = parseBody(roundPlanBodySchema, req.body);
    const plan = await store.rounds.putPlan(fair.id, itemId, body);
    if (!plan) throw notFound('The networking round');
    const response: RoundPlanResponse = { plan };
    res.json(response);
  });

  router.get(apiRoutes.roundOptOut, async (req, res) => {
    const { fair, registration } = await authorizeFair(store, req, res, 'fair.read');
    const response: RoundOptOutResponse = {
      optedOut: await store.rounds.optedOut(fair.id, registration.id),
    };
    res.json(response);
  });

  router.put(apiRoutes.roundOptOut, async (req, res) => {
    const { fair, registration } = await authorizeFair(store, req, res, 'fair.read');
    const { optedOut } = parseBody(roundOptOutBodySchema, req.body);
    await store.rounds.setOptedOut(fair.id, registration.id, optedOut);
    const response: RoundOptOutResponse = { optedOut };
    res.json(response);
  });

  return router;
}
