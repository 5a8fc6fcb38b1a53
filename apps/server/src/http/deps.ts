import type { FairStatus } from '@kohtaamo/protocol';
import type { PasswordHasher } from '../auth/passwords';
import type { MeetingService, PersonNotifier } from '../meetings/meeting-service';
import type { Logger } from '../observability/logger';
import type { Metrics } from '../observability/metrics';
import type { Store } from '../store/types';
import type { LivekitWebhook } from './routes/livekit-webhook-routes';
import type { SessionSettings } from './session';

/** What the REST layer needs from the outside world; built once in main.ts, faked in tests. */
export interface HttpDeps {
  store: Store;
  logger: Logger;
  metrics: Metrics;
  passwords: PasswordHasher;
  session: SessionSettings;
  cookieSecret: string;
  publicUrl: string;
  /** Serve the built web app from here, when it exists. */
  webDistDir?: string;
  now: () => Date;
  /** Flipped by graceful shutdown so /readyz takes the node out of rotation first. */
  isShuttingDown: () => boolean;
  /** Told when rooms or tables of a fair change, so live views and seat rules follow. */
  onLayoutChanged?: (fairId: string) => void;
  /** Told when a fair's status changes, so live connections it no longer admits are closed. */
  onFairStatusChanged?: (fairId: string, status: FairStatus) => void;
  /** Told when a fair's agenda items change, so the live agenda follows. */
  onAgendaChanged?: (fairId: string) => void;
  /** LiveKit's webhook; only served when LiveKit is configured. */
  livekitWebhook?: LivekitWebhook;
  /** Who met whom: people-I-met lists and the organiser's report. */
  meetings: MeetingService;
  /** Real-time notices to one person (exchange requests and answers); absent without sockets. */
  notify?: PersonNotifier;
}
