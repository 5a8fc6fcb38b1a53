import cookieParser from 'cookie-parser';
import express, { type Express, type RequestHandler } from 'express';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { HttpDeps } from './deps';
import { errorMiddleware, unknownApiRoute } from './error-middleware';
import { crossSiteRequestGuard } from './origin-check';
import { createRateLimiters } from './rate-limits';
import { agendaRoutes } from './routes/agenda-routes';
import { authRoutes } from './routes/auth-routes';
import { contactRoutes } from './routes/contact-routes';
import { dataRightsRoutes } from './routes/data-rights-routes';
import { fairRoutes } from './routes/fair-routes';
import { healthRoutes } from './routes/health-routes';
import { livekitWebhookRoutes } from './routes/livekit-webhook-routes';
import { moderationRoutes } from './routes/moderation-routes';
import { registrationRoutes } from './routes/registration-routes';
import { reportRoutes } from './routes/report-routes';
import { roomRoutes } from './routes/room-routes';
import { roundRoutes } from './routes/round-routes';
import { corsForApp, securityHeaders } from './security-headers';
import { loadSession } from './session';

/** Bodies are small forms; anything bigger is a mistake or an attack. */
const JSON_BODY_LIMIT = '64kb';

function measureRequests(deps: HttpDeps): RequestHandler {
  return (req, res, next) => {
    const stopTimer = deps.metrics.httpRequestDuration.startTimer();
    res.on('finish', () => {
      const route: unknown = req.route?.path;
      stopTimer({
        method: req.method,
        route: typeof route === 'string' ? route : 'unmatched',
        status: String(res.statusCode),
      });
    });
    next();
  };
}

/** Serves the built web app, with every non-API path answered by index.html (client routing). */
function webApp(webDistDir: string): express.Router {
  const router = express.Router();
  router.use(express.static(webDistDir, { index: false, maxAge: '1h' }));
  router.get(/^(?!\/api\/|\/socket\.io\/).*/, (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(path.join(webDistDir, 'index.html'));
  });
  return router;
}

export function createApp(deps: HttpDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.trustProxy);
  const rateLimiters = createRateLimiters(deps.limits.http, {
    storeFor: deps.rateLimitStore,
    logger: deps.logger,
  });

  app.use(measureRequests(deps));
  app.use(securityHeaders(deps.publicUrl, deps.livekitUrl));
  app.use(healthRoutes(deps));
  // Before the JSON parser: the webhook's signature covers its raw bytes. It is signed, so it
  // needs no origin check (and LiveKit's server sends no browser headers anyway).
  if (deps.livekitWebhook) app.use(livekitWebhookRoutes(deps.livekitWebhook));
  app.use('/api', corsForApp(deps.publicUrl));
  app.use('/api', crossSiteRequestGuard(deps.publicUrl));
  app.use('/api', express.json({ limit: JSON_BODY_LIMIT }));
  app.use('/api', cookieParser(deps.cookieSecret));
  app.use('/api', loadSession(deps.store, deps.now));
  app.use(authRoutes(deps, rateLimiters));
  app.use(fairRoutes(deps));
  app.use(registrationRoutes(deps, rateLimiters.registration));
  app.use(roomRoutes(deps));
  app.use(agendaRoutes(deps));
  app.use(contactRoutes(deps));
  app.use(reportRoutes(deps));
  app.use(moderationRoutes(deps));
  app.use(roundRoutes(deps));
  app.use(dataRightsRoutes(deps));
  app.use('/api', unknownApiRoute);
  if (deps.webDistDir && existsSync(path.join(deps.webDistDir, 'index.html'))) {
    app.use(webApp(deps.webDistDir));
  }
  app.use(errorMiddleware(deps.logger));
  return app;
}
