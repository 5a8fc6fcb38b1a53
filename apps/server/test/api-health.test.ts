import { describe, expect, it } from 'vitest';
import type { Store } from '../src/store/types';
import { createTestApi } from './http-harness';
import { unknownId } from './store-fixtures';
import { storeBackends, useStore } from './store-backends';

describe.each(storeBackends)('health and readiness ($name)', (backend) => {
  let store: Store;
  useStore(backend, (opened) => (store = opened));

  it('is ready while the database answers', async () => {
    const api = createTestApi(store);
    await api.anonymous().get('/healthz').expect(200);
    await api.anonymous().get('/readyz').expect(200, { status: 'ready' });
  });

  it('leaves the load balancer rotation as soon as shutdown begins, while still alive', async () => {
    const api = createTestApi(store, { isShuttingDown: () => true });
    await api.anonymous().get('/readyz').expect(503, { status: 'shutting-down' });
    await api.anonymous().get('/healthz').expect(200);
  });

  it('is not ready when the database does not answer', async () => {
    const unreachable: Store = {
      ...store,
      ping: () => Promise.reject(new Error('connection refused')),
    };
    const api = createTestApi(unreachable);
    await api.anonymous().get('/readyz').expect(503, { status: 'store-unavailable' });
  });

  it('counts requests by route pattern for Prometheus, not by raw path', async () => {
    const api = createTestApi(store);
    const fairId = unknownId();
    await api.anonymous().get(`/api/fairs/${fairId}`).expect(401);
    const metrics = await api.anonymous().get('/metrics').expect(200);
    expect(metrics.text).toMatch(
      /kohtaamo_http_request_duration_seconds_count\{method="GET",route="\/api\/fairs\/:fairId",status="401"\} 1/,
    );
    expect(metrics.text).not.toContain(fairId);
  });
});
