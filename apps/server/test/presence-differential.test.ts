import { randomBytes } from 'node:crypto';
import type { Location, PersonRef } from '@kohtaamo/protocol';
import { createClient } from 'redis';
import { describe, expect, it } from 'vitest';
import { createMemoryPresence } from '../src/presence/memory-presence';
import { createRedisPresence } from '../src/presence/redis-presence';
import type { Presence, PresenceChange, TableRules } from '../src/presence/types';
import { T0_MS, TTL_MS } from './presence-fixture';
import { testRedisUrl } from './services';

/**
 * The Lua scripts repeat the seating rules of the in-memory adapter. The contract suite checks
 * chosen cases; this drives both adapters through the same long pseudo-random run (a fixed
 * seed, so a failure replays) and demands identical answers at every step.
 */

const STEPS = 600;
/** About forty steps fit in a ttl: tables fill up, and placements still lapse now and then. */
const MAX_STEP_MS = 500;

function seededRandom(seed: number): (below: number) => number {
  let state = seed >>> 0;
  return (below) => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state % below;
  };
}

/** Readable, fixed ids, so a failing run names the same people every time. */
const id = (kind: number, n: number) =>
  `00000000-0000-4000-8000-${String(kind * 1000 + n).padStart(12, '0')}`;

const fairIds = [id(1, 1), id(1, 2)];
const roomIds = [id(2, 1), id(2, 2)];
const people: PersonRef[] = Array.from({ length: 12 }, (_, n) => ({
  id: id(3, n),
  name: `Person ${n}`,
  organisation: `Organisation ${n % 3}`,
}));
const owners = ['node-a:1', 'node-b:2'];

function tablesOf(): TableRules[] {
  return [0, 1, 2].map((n) => ({
    tableId: id(4, n),
    roomId: roomIds[n % 2] ?? '',
    capacity: 2 + n,
    locked: false,
    closed: false,
  }));
}

function placesOf(tables: readonly TableRules[]): Location[] {
  return [
    { kind: 'lobby' },
    { kind: 'stage' },
    ...roomIds.map((roomId): Location => ({ kind: 'room', roomId })),
    ...tables.map((t): Location => ({ kind: 'table', roomId: t.roomId, tableId: t.tableId })),
  ];
}

function pick<T>(random: (below: number) => number, items: readonly T[]): T {
  const item = items[random(items.length)];
  if (item === undefined) throw new Error('nothing to pick from');
  return item;
}

type Operation = (presence: Presence, now: number) => Promise<unknown>;

/** One random operation, built once and applied to both adapters. */
function nextOperation(random: (below: number) => number, tables: TableRules[]): Operation {
  const fairId = pick(random, fairIds);
  const who = pick(random, people);
  const owner = pick(random, owners);
  const roll = random(100);
  if (roll < 50) {
    // Half the moves head for a table, so tables fill up and refuse.
    const to = pick(random, random(2) === 0 ? placesOf(tables) : placesOf(tables).slice(-3));
    // Now and then a seat held for the person behind a lock (back from the stage).
    const throughLock = random(4) === 0;
    return (p, now) => p.move({ fairId, person: who, to, owner, now, throughLock });
  }
  if (roll < 62) {
    const ids = people.filter(() => random(2) === 0).map((each) => each.id);
    return (p, now) => p.heartbeat(fairId, ids, now);
  }
  if (roll < 72) {
    const maybeOwner = random(3) === 0 ? undefined : owner;
    return (p, now) => p.release({ fairId, personId: who.id, owner: maybeOwner, now });
  }
  if (roll < 78) return (p, now) => p.adopt({ fairId, personId: who.id, owner, now });
  if (roll < 88) return async (p, now) => byFairAndSeq(await p.reap(now));
  if (roll < 94) {
    const index = random(tables.length);
    const table = tables[index];
    if (!table) throw new Error('no such table');
    tables[index] = {
      ...table,
      locked: random(5) === 0,
      closed: random(8) === 0,
      capacity: 2 + random(3),
    };
    const rules = [...tables];
    return (p) => p.configureTables(fairId, rules);
  }
  return async (p) => ({
    lobby: await p.lobby(fairId, roomIds),
    rooms: await Promise.all(roomIds.map((roomId) => p.room(fairId, roomId))),
    where: await p.whereIs(fairId, who.id),
  });
}

/** Fairs are reaped in no particular order; within a fair the order is the adapters' own. */
function byFairAndSeq(changes: PresenceChange[]): PresenceChange[] {
  return [...changes].sort((a, b) => a.fairId.localeCompare(b.fairId) || a.seq - b.seq);
}

describe.skipIf(!testRedisUrl)('presence adapters', () => {
  it('answer a long random run of operations identically', async () => {
    const keyPrefix = `kh-test-${randomBytes(6).toString('hex')}:`;
    const url = testRedisUrl ?? '';
    const memory = createMemoryPresence({ ttlMs: TTL_MS });
    const redis = await createRedisPresence({ url, keyPrefix, ttlMs: TTL_MS });
    try {
      const random = seededRandom(0x6b68);
      const tables = tablesOf();
      for (const fairId of fairIds) {
        await memory.configureTables(fairId, tables);
        await redis.configureTables(fairId, tables);
      }
      let now = T0_MS;
      for (let step = 0; step < STEPS; step += 1) {
        now += random(MAX_STEP_MS);
        const operation = nextOperation(random, tables);
        const expected = await operation(memory, now);
        expect(await operation(redis, now), `step ${step}`).toEqual(expected);
      }
    } finally {
      await redis.close();
      await memory.close();
      const admin = createClient({ url });
      await admin.connect();
      for await (const keys of admin.scanIterator({ MATCH: `${keyPrefix}*`, COUNT: 500 })) {
        if (keys.length > 0) await admin.del(keys);
      }
      await admin.close();
    }
  });
});
