import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('configuration', () => {
  it('runs embedded with no variables set: PGlite under ./data on port 3000', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 3000,
      publicUrl: 'http://localhost:3000',
      databaseUrl: undefined,
      cookieSecure: false,
      seedDemo: 'auto',
      redisUrl: undefined,
      presenceTtlMs: 15_000,
      reconnectGraceMs: 120_000,
    });
    expect(config.dataDir).toMatch(/\/data$/);
  });

  it('marks cookies Secure when people reach the app over https', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://messut.example.fi/' })).toMatchObject({
      publicUrl: 'https://messut.example.fi',
      cookieSecure: true,
    });
    expect(
      loadConfig({ PUBLIC_URL: 'https://messut.example.fi', COOKIE_SECURE: 'false' }).cookieSecure,
    ).toBe(false);
  });

  it('shares presence through Redis when REDIS_URL is set', () => {
    expect(
      loadConfig({ REDIS_URL: 'redis://cache:6379', RECONNECT_GRACE_MS: '30000' }),
    ).toMatchObject({ redisUrl: 'redis://cache:6379', reconnectGraceMs: 30_000 });
    expect(() => loadConfig({ REDIS_URL: 'cache:6379' })).toThrow(/REDIS_URL/);
  });

  it('uses the peer-to-peer mesh for video unless LiveKit is configured', () => {
    expect(loadConfig({}).media).toEqual({
      livekit: undefined,
      iceServers: [],
      tokenTtlSeconds: 300,
    });
    const withLivekit = loadConfig({
      LIVEKIT_URL: 'wss://livekit.messut.example.fi',
      LIVEKIT_API_KEY: 'APIkohtaamo',
      LIVEKIT_API_SECRET: 'a-livekit-secret-of-at-least-32-characters',
      ICE_SERVERS: '[{"urls":"stun:stun.messut.example.fi:3478"}]',
      MEDIA_TOKEN_TTL_SECONDS: '120',
    });
    expect(withLivekit.media).toEqual({
      livekit: {
        url: 'wss://livekit.messut.example.fi',
        apiUrl: 'wss://livekit.messut.example.fi',
        apiKey: 'APIkohtaamo',
        apiSecret: 'a-livekit-secret-of-at-least-32-characters',
      },
      iceServers: [{ urls: 'stun:stun.messut.example.fi:3478' }],
      tokenTtlSeconds: 120,
    });
  });

  it('lets the server reach LiveKit at an address of its own network', () => {
    const config = loadConfig({
      LIVEKIT_URL: 'ws://localhost:7880',
      LIVEKIT_API_URL: 'http://livekit:7880',
      LIVEKIT_API_KEY: 'kohtaamo-dev',
      LIVEKIT_API_SECRET: 'a-livekit-secret-of-at-least-32-characters',
    });
    expect(config.media.livekit).toMatchObject({
      url: 'ws://localhost:7880',
      apiUrl: 'http://livekit:7880',
    });
  });

  it('refuses half a LiveKit configuration and ICE servers that are not JSON', () => {
    expect(() => loadConfig({ LIVEKIT_URL: 'wss://livekit.example' })).toThrow(
      /LIVEKIT_API_KEY[\s\S]*LIVEKIT_API_SECRET/,
    );
    expect(() => loadConfig({ ICE_SERVERS: 'stun:stun.example' })).toThrow(/ICE_SERVERS/);
    expect(() => loadConfig({ ICE_SERVERS: '[{"url":"stun:x"}]' })).toThrow(/ICE_SERVERS/);
  });

  it('stops with a message naming every bad variable', () => {
    const load = () =>
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://db', SESSION_SECRET: 'short' });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/PORT[\s\S]*DATABASE_URL[\s\S]*SESSION_SECRET/);
  });
  it('reads rate limits as count/duration, with production defaults', () => {
    const { limits } = loadConfig({ RATE_LIMIT_SIGN_IN: '5/30s', LOCKOUT_DURATION: '1h' });
    expect(limits.http.signIn).toEqual({ limit: 5, windowMs: 30_000 });
    expect(limits.http.signUp).toEqual({ limit: 50, windowMs: 3_600_000 });
    expect(limits.lockout).toEqual({ failures: 10, windowMs: 900_000, lockMs: 3_600_000 });
    expect(limits.socket.chat).toEqual({ limit: 10, windowMs: 30_000 });
    expect(() => loadConfig({ SOCKET_EVENT_RATE: '200 per 10s' })).toThrow(/SOCKET_EVENT_RATE/);
    expect(() => loadConfig({ RATE_LIMIT_SIGN_UP: '0/1m' })).toThrow(/RATE_LIMIT_SIGN_UP/);
  });

  it('trusts the loopback proxy by default, and what TRUST_PROXY names', () => {
    expect(loadConfig({}).trustProxy).toBe('loopback');
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: 'uniquelocal' }).trustProxy).toBe('uniquelocal');
  });
});
