import express, { Router } from 'express';
import { type WebhookEvent, WebhookReceiver } from 'livekit-server-sdk';
import { HttpError } from '../http-error';

/** Where LiveKit posts its events (`webhook.urls` in `infra/livekit.yaml`). */
export const LIVEKIT_WEBHOOK_PATH = '/api/livekit/webhook';

export interface LivekitWebhook {
  apiKey: string;
  apiSecret: string;
  /** Makes presence and LiveKit agree after a participant joined or left. */
  reconcile(event: WebhookEvent): Promise<void>;
}

/** LiveKit's events are small; anything bigger is not from LiveKit. */
const WEBHOOK_BODY_LIMIT = '64kb';

/**
 * LiveKit signs each webhook with a token of our API key whose `sha256` claim is the hash of
 * the exact bytes it sent, so the body is read raw, before any JSON parser can reshape it.
 */
export function livekitWebhookRoutes(webhook: LivekitWebhook): Router {
  const router = Router();
  const receiver = new WebhookReceiver(webhook.apiKey, webhook.apiSecret);
  router.post(
    LIVEKIT_WEBHOOK_PATH,
    express.raw({ type: () => true, limit: WEBHOOK_BODY_LIMIT }),
    async (req, res) => {
      const body: unknown = req.body;
      const raw = Buffer.isBuffer(body) ? body.toString('utf8') : '';
      let event: WebhookEvent;
      try {
        event = await receiver.receive(raw, req.get('Authorization'));
      } catch {
        throw new HttpError('UNAUTHENTICATED', 'The webhook is not signed by our LiveKit');
      }
      await webhook.reconcile(event);
      res.status(204).end();
    },
  );
  return router;
}
