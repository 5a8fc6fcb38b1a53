/**
 * REST calls for networking-round seating: the organisers' plan per round and each person's
 * opt-out from shuffles. Responses are checked against the protocol's schemas.
 */
import {
  apiRoutes,
  buildPath,
  roundOptOutResponseSchema,
  roundPlanResponseSchema,
  type RoundPlan,
  type RoundPlanBody,
} from '@kohtaamo/protocol';
import { requestJson } from './http';

export async function getRoundPlan(fairId: string, itemId: string): Promise<RoundPlan> {
  const path = buildPath(apiRoutes.roundPlan, { fairId, itemId });
  return (await requestJson(roundPlanResponseSchema, 'GET', path)).plan;
}

export async function putRoundPlan(
  fairId: string,
  itemId: string,
  body: RoundPlanBody,
): Promise<RoundPlan> {
  const path = buildPath(apiRoutes.roundPlan, { fairId, itemId });
  return (await requestJson(roundPlanResponseSchema, 'PUT', path, body)).plan;
}

export async function getRoundOptOut(fairId: string): Promise<boolean> {
  const path = buildPath(apiRoutes.roundOptOut, { fairId });
  return (await requestJson(roundOptOutResponseSchema, 'GET', path)).optedOut;
}

export async function putRoundOptOut(fairId: string, optedOut: boolean): Promise<boolean> {
  const path = buildPath(apiRoutes.roundOptOut, { fairId });
  return (await requestJson(roundOptOutResponseSchema, 'PUT', path, { optedOut })).optedOut;
}
