import request from 'supertest';
import type { Store } from '../src/store/types';
import { createTestApi } from './http-harness';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

interface Layer {
  route?: { path: unknown; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/**
 * Every `METHOD /api/...` the Express app answers, read from its routers, so a route mounted
 * without a row in the table (or outside the protocol's route list) fails the table's test.
 */
export function mountedApiRoutes(store: Store): string[] {
  const { app } = createTestApi(store);
  const found: string[] = [];
  const visit = (layers: Layer[]) => {
    for (const layer of layers) {
      const path = layer.route?.path;
      if (typeof path === 'string' && path.startsWith('/api/')) {
        for (const [method, on] of Object.entries(layer.route?.methods ?? {})) {
          if (on) found.push(`${method.toUpperCase()} ${path}`);
        }
      }
      if (layer.handle?.stack) visit(layer.handle.stack);
    }
  };
  visit((app as unknown as { router: { stack: Layer[] } }).router.stack);
  return found;
}

/** Fills a route pattern; a parameter the sample leaves out is left empty (and then 404s). */
export function fillPath(route: string, params: Record<string, string>): string {
  return route.replace(/:([A-Za-z]+)/g, (_, name: string) =>
    encodeURIComponent(params[name] ?? ''),
  );
}

export function callRoute(
  url: string,
  options: { method: Method; path: string; cookie: string | undefined; body?: object },
) {
  let call = request(url)[options.method](options.path);
  if (options.cookie) call = call.set('Cookie', options.cookie);
  return options.body ? call.send(options.body) : call;
}
