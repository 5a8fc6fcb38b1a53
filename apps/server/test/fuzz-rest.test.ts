import { type ApiRoute, apiRoutes, errorBodySchema, httpStatusOf } from '@kohtaamo/protocol';
import fc from 'fast-check';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { fuzzSeed, hostileValue, prototypeIsClean } from './fuzz-values';
import { useHostileWorld } from './hostile-world';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
type Method = (typeof METHODS)[number];
/** Random requests per route and method, for each of the two callers. */
const RUNS = Number(process.env.KOHTAAMO_FUZZ_REST_RUNS ?? 4);
/** The API's JSON body limit is 64 kB; some bodies go past it on purpose. */
const MAX_BODY_BYTES = 80 * 1024;

/**
 * Calls that are valid whatever the body, so random input would rightly change the store: they
 * take no body and their whole effect is the change (covered by their own suites).
 */
const VALID_WITHOUT_BODY: { route: ApiRoute; method: Method; why: string }[] = [
  { route: apiRoutes.signOut, method: 'post', why: 'signing out ends the session' },
  { route: apiRoutes.fairInvite, method: 'post', why: 'a new invite link replaces the old' },
];

const paramValue = (ids: readonly string[]) =>
  fc.oneof(
    fc.uuid(),
    fc.constantFrom(...ids),
    fc.string({ maxLength: 40 }).map(encodeURIComponent),
    // Not encoded: stray percent signs, dots and slashes reach the router as they are.
    fc.constantFrom('%', '%E0%A4%A', '..', '.', '%2e%2e', '%00', '%2F', 'x'.repeat(3000), 'me'),
  );

/** A body as the client sends it: its bytes and its content type. */
const body = (ids: readonly string[]) =>
  fc.oneof(
    {
      weight: 5,
      arbitrary: hostileValue({ ids, maxBytes: MAX_BODY_BYTES }).map((value) => ({
        type: 'application/json',
        bytes: JSON.stringify(value) ?? 'null',
      })),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          fc.constantFrom(
            '{',
            '{"a":',
            '[1,2',
            '{"a":1}}',
            "{'a':1}",
            'nul',
            '\u0000',
            '"\\ud800"',
          ),
          fc.string({ maxLength: 20 }),
        )
        .map(([start, rest]) => ({ type: 'application/json', bytes: start + rest })),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          fc.constantFrom(
            'text/plain',
            'application/x-www-form-urlencoded',
            'application/xml',
            'multipart/form-data; boundary=x',
            'application/json; charset=utf-16',
            'application/json; charset=latin9',
          ),
          fc.string({ maxLength: 200 }),
        )
        .map(([type, bytes]) => ({ type, bytes })),
    },
  );

describe('hostile REST requests', () => {
  const world = useHostileWorld();
  let routes: { route: ApiRoute; method: Method }[];

  beforeAll(() => {
    const skipped = (route: ApiRoute, method: Method) =>
      VALID_WITHOUT_BODY.some((skip) => skip.route === route && skip.method === method);
    routes = Object.values(apiRoutes).flatMap((route) =>
      METHODS.filter((method) => !skipped(route, method)).map((method) => ({ route, method })),
    );
  });

  it('refuses random bodies and path parameters on every route with a typed 4xx', async ({
    annotate,
  }) => {
    const seed = fuzzSeed();
    await annotate(`fast-check seed ${seed} (KOHTAAMO_FUZZ_SEED changes it)`);
    const before = await world.state();
    const callers = [world.people.participant, world.people.organiser];
    const pathOf = (route: ApiRoute, params: Record<string, string>) =>
      route.replace(/:([A-Za-z]+)/g, (_, name: string) => params[name] ?? '');
    let sent = 0;
    const accepted = new Set<string>();

    for (const [index, { route, method }] of routes.entries()) {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...callers),
          // The fair is mostly the real one, so the requests reach the routes' own checks.
          fc.oneof(
            { weight: 3, arbitrary: fc.constant(world.fairId) },
            { weight: 1, arbitrary: paramValue(world.ids) },
          ),
          fc.dictionary(
            fc.constantFrom(
              'roomId',
              'tableId',
              'itemId',
              'registrationId',
              'exchangeId',
              'personId',
              'code',
            ),
            paramValue(world.ids),
          ),
          body(world.ids),
          fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 20 }), { maxKeys: 3 }),
          async (caller, fairId, params, { type, bytes }, query) => {
            const path = pathOf(route, { ...params, fairId });
            const server = request(world.node.url);
            const call = server[method](path)
              .query(query)
              .set('Cookie', caller.cookie)
              .set('Content-Type', type);
            const response = await (method === 'get' ? call : call.send(bytes));
            sent += 1;
            const where = `${method.toUpperCase()} ${path.slice(0, 120)} → ${response.status}`;
            expect(response.status, where).toBeLessThan(500);
            if (response.status >= 400) {
              const parsed = errorBodySchema.safeParse(response.body);
              expect(parsed.success, `${where} ${JSON.stringify(response.body)}`).toBe(true);
              if (parsed.success) {
                expect(httpStatusOf[parsed.data.error.code], where).toBe(response.status);
              }
            } else if (method !== 'get') {
              // Accepted: only as a request that asks for nothing (an empty body read as an
              // empty edit, removing a block that is not there), which must change nothing.
              accepted.add(`${method.toUpperCase()} ${route}`);
              expect(await world.state(), where).toEqual(before);
            }
          },
        ),
        { seed: seed + index, numRuns: RUNS, endOnFailure: true },
      );
    }

    await annotate(`${sent} requests to ${routes.length} routes and methods`);
    await annotate(`accepted as asking for nothing: ${[...accepted].join(', ') || 'none'}`);
    expect(prototypeIsClean()).toBe(true);
    expect(await world.state()).toEqual(before);
  }, 120_000);

  it('names only real routes among those it leaves out', () => {
    const all = Object.values(apiRoutes) as ApiRoute[];
    for (const { route } of VALID_WITHOUT_BODY) expect(all).toContain(route);
  });
});
