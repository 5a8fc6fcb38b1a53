import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const webDistDefault = fileURLToPath(new URL('../../web/dist', import.meta.url));

const booleanFromString = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

/**
 * Every environment variable the server reads, parsed once at start-up. Defaults give the
 * embedded mode: one process, PGlite under ./data, nothing else to install.
 */
const environmentSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  PUBLIC_URL: z.url().optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'Use a postgres:// connection string')
    .optional(),
  SESSION_SECRET: z.string().min(32, 'Use at least 32 characters').optional(),
  SESSION_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  COOKIE_SECURE: booleanFromString.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SEED_DEMO: z.enum(['auto', 'never']).default('auto'),
  WEB_DIST_DIR: z.string().min(1).default(webDistDefault),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'Use a redis:// or rediss:// connection string')
    .optional(),
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[\w:.-]{1,40}$/)
    .default('kh:'),
  // Three missed heartbeats (one every third of this) before a dead node's seats are freed.
  PRESENCE_TTL_MS: z.coerce.number().int().min(1000).max(120_000).default(15_000),
  RECONNECT_GRACE_MS: z.coerce.number().int().min(1000).max(600_000).default(120_000),
});

export interface Config {
  host: string;
  port: number;
  /** The address people open; printed at start-up and used in invite links. */
  publicUrl: string;
  dataDir: string;
  databaseUrl: string | undefined;
  sessionSecret: string | undefined;
  sessionTtlMs: number;
  cookieSecure: boolean;
  logLevel: z.infer<typeof environmentSchema>['LOG_LEVEL'];
  seedDemo: 'auto' | 'never';
  webDistDir: string;
  shutdownTimeoutMs: number;
  /** Presence and fan-out across nodes; in memory on one node when unset. */
  redisUrl: string | undefined;
  /** Every Redis key this app writes starts with it, so several apps can share one Redis. */
  redisKeyPrefix: string;
  presenceTtlMs: number;
  /** How long a dropped connection keeps its seat and can catch up on what it missed. */
  reconnectGraceMs: number;
}

export class ConfigError extends Error {}

export function loadConfig(environment: NodeJS.ProcessEnv): Config {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const env = parsed.data;
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, '');
  return {
    host: env.HOST,
    port: env.PORT,
    publicUrl,
    dataDir: path.resolve(env.DATA_DIR),
    databaseUrl: env.DATABASE_URL,
    sessionSecret: env.SESSION_SECRET,
    sessionTtlMs: env.SESSION_TTL_DAYS * 24 * 60 * 60 * 1000,
    cookieSecure: env.COOKIE_SECURE ?? publicUrl.startsWith('https://'),
    logLevel: env.LOG_LEVEL,
    seedDemo: env.SEED_DEMO,
    webDistDir: path.resolve(env.WEB_DIST_DIR),
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    redisUrl: env.REDIS_URL,
    redisKeyPrefix: env.REDIS_KEY_PREFIX,
    presenceTtlMs: env.PRESENCE_TTL_MS,
    reconnectGraceMs: env.RECONNECT_GRACE_MS,
  };
}
