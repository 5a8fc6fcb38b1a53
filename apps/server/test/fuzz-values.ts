import fc from 'fast-check';

/**
 * The seed of every fuzz suite: fixed, so a failure reproduces; `KOHTAAMO_FUZZ_SEED=<n>` varies
 * it. The suites print it as a test annotation, and fast-check repeats it in any failure.
 */
export function fuzzSeed(): number {
  const fromEnv = process.env.KOHTAAMO_FUZZ_SEED;
  return fromEnv && Number.isSafeInteger(Number(fromEnv)) ? Number(fromEnv) : 20260310;
}

/** Keys that reach an object's prototype when code copies them carelessly. */
export const POLLUTING_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/** `{"__proto__": …}` as JSON.parse makes it: an own property, not the prototype. */
export function pollutingObject(key: string, value: unknown): Record<string, unknown> {
  return JSON.parse(`{${JSON.stringify(key)}: ${JSON.stringify(value ?? null)}}`) as Record<
    string,
    unknown
  >;
}

const MAX_DEPTH = 800;

/** Nested arrays or objects this deep, built without recursion. */
function nested(depth: number, kind: 'array' | 'object'): unknown {
  let value: unknown = 'core';
  for (let i = 0; i < depth; i += 1) value = kind === 'array' ? [value] : { a: value };
  return value;
}

/** A string of about `bytes` bytes, made cheaply (fast-check's strings are slow when long). */
function longString(bytes: number, unit: string): string {
  return unit.repeat(Math.ceil(bytes / Buffer.byteLength(unit))).slice(0, bytes);
}

/**
 * Values an attacker or a broken client could send where a payload or a body is expected.
 * `ids` are real ids of the fair, so some nested values point at things that exist. `maxBytes`
 * keeps the largest values within a transport's frame limit (a bigger frame is refused whole,
 * which the suites check separately).
 */
export function hostileValue(options: { ids: readonly string[]; maxBytes: number }) {
  const { ids, maxBytes } = options;
  const scalar = fc.oneof(
    fc.constantFrom(
      null,
      true,
      false,
      0,
      -1,
      1e308,
      Number.MAX_SAFE_INTEGER,
      '',
      ' ',
      'null',
      '💥'.repeat(5),
      '\u0000',
      '<script>alert(1)</script>',
      "'; drop table accounts; --",
      '../../etc/passwd',
      'lobby',
      'room:',
      '2026-03-10T10:00:00+02:00',
    ),
    fc.string(),
    fc.integer(),
    fc.double(),
    fc.uuid(),
    ...(ids.length > 0 ? [fc.constantFrom(...ids)] : []),
  );
  const huge = fc.oneof(
    fc
      .tuple(fc.integer({ min: 4_000, max: maxBytes }), fc.constantFrom('x', 'ä', '😀'))
      .map(([bytes, unit]) => longString(bytes, unit)),
    fc
      // Deep enough to trip recursive code, shallow enough for fast-check to print a failure.
      .tuple(fc.integer({ min: 10, max: MAX_DEPTH }), fc.boolean())
      .map(([depth, asArray]) => nested(depth, asArray ? 'array' : 'object')),
    fc
      .integer({ min: 500, max: Math.floor(maxBytes / 4) })
      .map((n) => new Array<number>(n).fill(1)),
  );
  const polluting = fc
    .tuple(fc.constantFrom(...POLLUTING_KEYS), fc.jsonValue({ maxDepth: 2 }))
    .map(([key, value]) => pollutingObject(key, { polluted: true, value }));
  return fc.oneof(
    { weight: 4, arbitrary: scalar },
    { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    { weight: 2, arbitrary: fc.dictionary(fc.string(), scalar, { maxKeys: 6 }) },
    { weight: 1, arbitrary: huge },
    { weight: 2, arbitrary: polluting },
  );
}

/** Nothing reached `Object.prototype` (a polluted prototype would show on every object). */
export function prototypeIsClean(): boolean {
  const probe: Record<string, unknown> = {};
  return !('polluted' in probe) && Object.keys(Object.prototype).length === 0;
}
