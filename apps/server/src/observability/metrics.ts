import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface Metrics {
  registry: Registry;
  httpRequestDuration: Histogram<'method' | 'route' | 'status'>;
  signIns: Counter<'outcome'>;
}

/** One registry per server instance, so tests that start several servers do not collide. */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'kohtaamo_' });
  return {
    registry,
    httpRequestDuration: new Histogram({
      name: 'kohtaamo_http_request_duration_seconds',
      help: 'Time to answer a REST request, by route pattern',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    signIns: new Counter({
      name: 'kohtaamo_sign_ins_total',
      help: 'Sign-in attempts by outcome',
      labelNames: ['outcome'],
      registers: [registry],
    }),
  };
}
