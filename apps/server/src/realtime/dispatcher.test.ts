import { describe, expect, it } from 'vitest';
import { createLogger } from '../observability/logger';
import { createMetrics } from '../observability/metrics';
import { dispatch, type EventSource, type Handlers } from './dispatcher';

/** A connection whose events the test sends, and which the test can end. */
function fakeConnection() {
  let listener: ((event: string, ...args: unknown[]) => void) | undefined;
  const source: EventSource & { connected: boolean } = {
    connected: true,
    onAny(next) {
      listener = next;
    },
  };
  const send = (event: string, payload: unknown) =>
    new Promise<unknown>((resolve) => listener?.(event, payload, resolve));
  return { source, send };
}

describe('the event dispatcher', () => {
  it('runs a connection’s events in order and drops those still waiting when it ends', async () => {
    const { source, send } = fakeConnection();
    const ran: string[] = [];
    let releaseSnapshot: () => void = () => undefined;
    const handlers = {
      'presence.snapshot': async () => {
        ran.push('snapshot');
        await new Promise<void>((resolve) => (releaseSnapshot = resolve));
        return {};
      },
      'presence.go': async () => {
        ran.push('go');
        return {};
      },
    } as unknown as Handlers;
    dispatch(source, handlers, {
      logger: createLogger('silent'),
      metrics: createMetrics(),
      ready: Promise.resolve(),
      limit: () => null,
      nowMs: () => 0,
    });

    const snapshot = send('presence.snapshot', { scope: 'lobby' });
    void send('presence.go', { to: { kind: 'lobby' } });
    await expect.poll(() => ran).toEqual(['snapshot']);
    source.connected = false;
    releaseSnapshot();
    expect(await snapshot).toEqual({ ok: true, data: {} });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(ran).toEqual(['snapshot']);

    source.connected = true;
    expect(await send('presence.go', { to: { kind: 'lobby' } })).toEqual({ ok: true, data: {} });
    expect(ran).toEqual(['snapshot', 'go']);
  });
});
