import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface Metrics {
  registry: Registry;
  httpRequestDuration: Histogram<'method' | 'route' | 'status'>;
  signIns: Counter<'outcome'>;
  socketConnections: Gauge;
  seatsTaken: Gauge;
  socketEvents: Counter<'event' | 'outcome'>;
  socketAckDuration: Histogram<'event'>;
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
    socketConnections: new Gauge({
      name: 'kohtaamo_socket_connections',
      help: 'Realtime connections open on this node',
      registers: [registry],
    }),
    seatsTaken: new Gauge({
      name: 'kohtaamo_seats_taken',
      help: 'Seats held by people whose connection this node keeps (including brief drops)',
      registers: [registry],
    }),
    socketEvents: new Counter({
      name: 'kohtaamo_socket_events_total',
      help: 'Client events by name and outcome (ok or an error code)',
      labelNames: ['event', 'outcome'],
      registers: [registry],
    }),
    socketAckDuration: new Histogram({
      name: 'kohtaamo_socket_ack_seconds',
      help: 'Time from receiving a client event to acknowledging it',
      labelNames: ['event'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
      registers: [registry],
    }),
  };
}
