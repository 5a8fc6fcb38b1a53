import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type IceServer, iceServerSchema } from '@kohtaamo/protocol';
import { z } from 'zod';
import { durationSchema, type LimitsConfig, rateSchema } from './config-limits';

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
  LIVEKIT_URL: z
    .string()
    .regex(/^(wss?|https?):\/\/[^\s]+$/, 'Use the ws://, wss:// or https:// address of LiveKit')
    .optional(),
  LIVEKIT_API_URL: z
    .string()
    .regex(/^(wss?|https?):\/\/[^\s]+$/, 'Use the http(s):// address of LiveKit for this server')
    .optional(),
  LIVEKIT_API_KEY: z.string().min(1).optional(),
  LIVEKIT_API_SECRET: z.string().min(32, 'Use at least 32 characters').optional(),
  ICE_SERVERS: z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'Give a JSON array of RTCIceServer objects' });
        return z.NEVER;
      }
    })
    .pipe(z.array(iceServerSchema))
    .default([]),
  // Only needed to connect: LiveKit refreshes the token of a live connection itself.
  MEDIA_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(3600).default(300),
  // Express's `trust proxy`: which hops may name the client's address in X-Forwarded-For.
  TRUST_PROXY: z.string().min(1).default('loopback'),
  // Per address and email: a person retyping a password is far below it, a guesser is not.
  RATE_LIMIT_SIGN_IN: rateSchema.prefault('20/15m'),
  // Per address, whatever the email: many people may share an office's or a venue's address.
  RATE_LIMIT_SIGN_IN_IP: rateSchema.prefault('200/15m'),
  RATE_LIMIT_SIGN_UP: rateSchema.prefault('50/1h'),
  RATE_LIMIT_REGISTRATION: rateSchema.prefault('50/1h'),
  LOCKOUT_AFTER_FAILURES: rateSchema.prefault('10/15m'),
  LOCKOUT_DURATION: durationSchema.prefault('15m'),
  // A mesh speaker answers a dozen viewers with an offer and candidates each, all at once.
  SOCKET_EVENT_RATE: rateSchema.prefault('200/10s'),
  SOCKET_CHAT_RATE: rateSchema.prefault('10/30s'),
  SOCKET_BROADCAST_RATE: rateSchema.prefault('5/1m'),
  SOCKET_HAND_RATE: rateSchema.prefault('5/1m'),
});

const LIVEKIT_VARIABLES = ['LIVEKIT_URL', 'LIVEKIT_API_KEY', 'LIVEKIT_API_SECRET'] as const;

/** LiveKit is configured with all three variables or none; half a configuration is a mistake. */
const checkedEnvironmentSchema = environmentSchema.superRefine((env, ctx) => {
  const given = LIVEKIT_VARIABLES.filter((name) => env[name] !== undefined);
  if (given.length === 0 || given.length === LIVEKIT_VARIABLES.length) return;
  for (const name of LIVEKIT_VARIABLES.filter((variable) => env[variable] === undefined)) {
    ctx.addIssue({
      code: 'custom',
      path: [name],
      message: `Set it too, or unset ${given.join(', ')}`,
    });
  }
});

export interface LivekitConfig {
  /** Where browsers connect. */
  url: string;
  /** Where this server calls LiveKit's API; the same as `url` unless the network differs. */
  apiUrl: string;
  apiKey: string;
  apiSecret: string;
}

/** Video at tables and on the stage: LiveKit when configured, otherwise peer-to-peer mesh. */
export interface MediaConfig {
  livekit: LivekitConfig | undefined;
  /** STUN/TURN servers for mesh calls; none are needed on one machine. */
  iceServers: IceServer[];
  tokenTtlSeconds: number;
}

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
  media: MediaConfig;
  /** Express's `trust proxy` setting: a boolean, a hop count, or addresses and named ranges. */
  trustProxy: boolean | number | string;
  /** Rate limits and the sign-in lock-out. */
  limits: LimitsConfig;
}

/** `true`, `false` and hop counts mean what they say; anything else is a list of addresses. */
function trustProxyOf(value: string): boolean | number | string {
  if (value === 'true' || value === 'false') return value === 'true';
  return /^\d+$/.test(value) ? Number(value) : value;
}

export class ConfigError extends Error {}

export function loadConfig(environment: NodeJS.ProcessEnv): Config {
  const parsed = checkedEnvironmentSchema.safeParse(environment);
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
    media: {
      livekit:
        env.LIVEKIT_URL && env.LIVEKIT_API_KEY && env.LIVEKIT_API_SECRET
          ? {
              url: env.LIVEKIT_URL,
              apiUrl: env.LIVEKIT_API_URL ?? env.LIVEKIT_URL,
              apiKey: env.LIVEKIT_API_KEY,
              apiSecret: env.LIVEKIT_API_SECRET,
            }
          : undefined,
      iceServers: env.ICE_SERVERS,
      tokenTtlSeconds: env.MEDIA_TOKEN_TTL_SECONDS,
    },
    trustProxy: trustProxyOf(env.TRUST_PROXY),
    limits: {
      http: {
        signIn: env.RATE_LIMIT_SIGN_IN,
        signInPerAddress: env.RATE_LIMIT_SIGN_IN_IP,
        signUp: env.RATE_LIMIT_SIGN_UP,
        registration: env.RATE_LIMIT_REGISTRATION,
      },
      lockout: {
        failures: env.LOCKOUT_AFTER_FAILURES.limit,
        windowMs: env.LOCKOUT_AFTER_FAILURES.windowMs,
        lockMs: env.LOCKOUT_DURATION,
      },
      socket: {
        events: env.SOCKET_EVENT_RATE,
        chat: env.SOCKET_CHAT_RATE,
        broadcast: env.SOCKET_BROADCAST_RATE,
        hand: env.SOCKET_HAND_RATE,
      },
    },
  };
}
