import { loadConfig } from '../src/config';
import type { LimitsConfig } from '../src/config-limits';

/**
 * The production lock-out, with the rate limits raised: a suite signs dozens of people up from
 * one address, and the fuzzing and authorisation suites send thousands of events over a few
 * connections. The suites that test the limits pass their own; the server processes of the
 * e2e and multi-node suites keep the production socket limits.
 */
export const testLimits: LimitsConfig = loadConfig({
  RATE_LIMIT_SIGN_IN: '100000/1m',
  RATE_LIMIT_SIGN_IN_IP: '100000/1m',
  RATE_LIMIT_SIGN_UP: '100000/1m',
  RATE_LIMIT_REGISTRATION: '100000/1m',
  SOCKET_EVENT_RATE: '100000/1s',
  SOCKET_CHAT_RATE: '100000/1s',
  SOCKET_BROADCAST_RATE: '100000/1s',
  SOCKET_HAND_RATE: '100000/1s',
}).limits;
