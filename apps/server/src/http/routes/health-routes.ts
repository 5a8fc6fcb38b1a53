import { Router } from 'express';
import type { HttpDeps } from '../deps';

export function healthRoutes(deps: HttpDeps): Router {
  const router = Router();

  /** Liveness: the process answers. Orchestrators restart it when this fails. */
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  /** Readiness: the process can serve, so a load balancer may send people here. */
  router.get('/readyz', async (_req, res) => {
    if (deps.isShuttingDown()) {
      res.status(503).json({ status: 'shutting-down' });
      return;
    }
    try {
      await deps.store.ping();
      res.json({ status: 'ready' });
    } catch (error) {
      deps.logger.warn({ err: error }, 'readiness check failed');
      res.status(503).json({ status: 'store-unavailable' });
    }
  });

  router.get('/metrics', async (_req, res) => {
    res.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics());
  });

  return router;
}
