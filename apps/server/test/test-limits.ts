import { loadConfig } from '../src/config';
import type { LimitsConfig } from '../src/config-limits';

/**
 * The production defaults, except the limits on creating accounts, registering and signing in,
 * which a suite that signs up dozens of people from one address would run into. The suites that
 * test those limits pass their own.
 */
export const testLimits: LimitsConfig = loadConfig({
  RATE_LIMIT_SIGN_IN: '100000/1m',
  RATE_LIMIT_SIGN_IN_IP: '100000/1m',
  RATE_LIMIT_SIGN_UP: '100000/1m',
  RATE_LIMIT_REGISTRATION: '100000/1m',
}).limits;
