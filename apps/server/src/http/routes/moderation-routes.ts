import { apiRoutes, MODERATION_LOG_LIMIT, type ModerationLogResponse } from '@kohtaamo/protocol';
import { Router } from 'express';
import type { HttpDeps } from '../deps';
import { authorizeFair } from '../fair-access';

/** The moderation log: organisers only, newest first. */
export function moderationRoutes(deps: HttpDeps): Router {
  const router = Router();

  router.get(apiRoutes.moderationLog, async (req, res) => {
    const { fair } = await authorizeFair(deps.store, req, res, 'fair.manage');
    const response: ModerationLogResponse = {
      entries: await deps.store.moderationLog.list(fair.id, MODERATION_LOG_LIMIT),
    };
    res.setHeader('Cache-Control', 'no-store');
    res.json(response);
  });

  return router;
}
