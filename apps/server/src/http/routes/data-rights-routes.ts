import {
  apiRoutes,
  confirmsErasure,
  deleteAccountBodySchema,
  eraseFairBodySchema,
  type FairErasureResponse,
} from '@kohtaamo/protocol';
import { Router } from 'express';
import type { HttpDeps } from '../deps';
import { authorizeFair } from '../fair-access';
import { HttpError, notFound } from '../http-error';
import { checkPassword } from '../password-check';
import { endSession, requireAccount } from '../session';
import { parseBody } from '../validate';
import { newInviteCode } from './fair-routes';

/** `kohtaamo-my-data-2026-05-12.json`: the day it was taken, in UTC. */
const exportFileName = (now: Date) => `kohtaamo-my-data-${now.toISOString().slice(0, 10)}.json`;

/**
 * Data protection: an organiser erases a closed fair's personal data, a person deletes their
 * account or downloads everything held about them (see `packages/protocol/src/data-rights.ts`).
 */
export function dataRightsRoutes(deps: HttpDeps): Router {
  const { store } = deps;
  const router = Router();

  router.post(apiRoutes.fairErasure, async (req, res) => {
    const { fair } = await authorizeFair(store, req, res, 'fair.manage');
    const body = parseBody(eraseFairBodySchema, req.body);
    if (!confirmsErasure(body.confirmation, fair.title)) {
      throw new HttpError('INVALID', 'Type the name of the fair to confirm', [
        { path: ['confirmation'], message: 'Type the name of the fair exactly' },
      ]);
    }
    if (fair.status !== 'closed') {
      throw new HttpError('FAIR_NOT_CLOSED', 'Close the fair before erasing its personal data');
    }
    // Taken just before; a second erasure keeps the first one's snapshot instead.
    const outcome = await store.dataRights.eraseFair(fair.id, {
      report: await deps.meetings.report(fair),
      now: deps.now(),
      inviteCode: newInviteCode(),
    });
    if (outcome.kind === 'not_found') throw notFound('The fair');
    if (outcome.kind === 'not_closed') {
      throw new HttpError('FAIR_NOT_CLOSED', 'Close the fair before erasing its personal data');
    }
    deps.onPersonalDataErased?.(fair.id, 'everyone');
    const erased = await store.fairs.findById(fair.id);
    if (!erased) throw notFound('The fair');
    deps.logger.info({ fairId: fair.id, people: outcome.people }, "erased a fair's personal data");
    const response: FairErasureResponse = {
      fair: erased,
      erasedAt: outcome.erasedAt.toISOString(),
      people: outcome.people,
    };
    res.json(response);
  });

  router.post(apiRoutes.accountDeletion, async (req, res) => {
    const account = requireAccount(res);
    const body = parseBody(deleteAccountBodySchema, req.body);
    await checkPassword(
      deps,
      account.email,
      body.password,
      new HttpError('INVALID_CREDENTIALS', 'The password is wrong'),
    );
    const outcome = await store.dataRights.eraseAccount(account.id);
    if (outcome.kind === 'not_found') throw notFound('The account');
    if (outcome.kind === 'sole_organiser') {
      const titles = outcome.fairs.map((fair) => fair.title).join(', ');
      throw new HttpError(
        'SOLE_ORGANISER',
        `Make someone else an organiser of these fairs first: ${titles}`,
      );
    }
    // The sessions went with the account; this only clears the browser's cookie.
    await endSession(store, deps.session, undefined, res);
    const byFair = new Map<string, string[]>();
    for (const { fairId, id } of outcome.registrations) {
      byFair.set(fairId, [...(byFair.get(fairId) ?? []), id]);
    }
    for (const [fairId, personIds] of byFair) deps.onPersonalDataErased?.(fairId, personIds);
    deps.logger.info({ fairs: outcome.deletedFairIds.length }, 'deleted an account');
    res.status(204).end();
  });

  router.get(apiRoutes.myData, async (_req, res) => {
    const account = requireAccount(res);
    const now = deps.now();
    const data = await store.dataRights.personalData(account.id, now);
    if (!data) throw notFound('The account');
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${exportFileName(now)}"`);
    res.setHeader('Cache-Control', 'no-store');
    res.send(JSON.stringify(data, null, 2));
  });

  return router;
}
