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

  it('stops with a message naming every bad variable', () => {
    const load = () =>
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://db', SESSION_SECRET: 'short' });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/PORT[\s\S]*DATABASE_URL[\s\S]*SESSION_SECRET/);
  });
});
