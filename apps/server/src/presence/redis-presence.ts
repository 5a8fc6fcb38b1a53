import type { PersonRef, RoomMember } from '@kohtaamo/protocol';
import { createClient } from 'redis';
import { canonicalLocation } from '../domain/seating';
import type { Logger } from '../observability/logger';
import { copyPerson, copyRules, tablesOfRoom } from './records';
import { LOBBY_SCRIPT, ROOM_SCRIPT } from './redis/lua-reads';
import {
  ADOPT_SCRIPT,
  CONFIGURE_SCRIPT,
  HEARTBEAT_SCRIPT,
  MOVE_SCRIPT,
  REAP_SCRIPT,
  RELEASE_SCRIPT,
} from './redis/lua-writes';
import {
  changeOf,
  list,
  occupancyOf,
  parseJsonField,
  parseReply,
  placementOf,
  rulesOf,
  storedPerson,
  type RawChange,
  type RawLobby,
  type RawMember,
  type RawMove,
  type RawOccupancy,
  type RawReap,
  type RawRoom,
  type RawTableChange,
} from './redis/replies';
import { runScript, type LuaScript, type RedisClient } from './redis/script';
import type { Placement, Presence, PresenceChange, PresenceOptions } from './types';
import { redisClientOptions } from '../redis-reconnect';

export interface RedisPresenceOptions extends PresenceOptions {
  url: string;
  /** Put before every key, so deployments and test runs can share one Redis. */
  keyPrefix?: string;
  /**
   * Hears of connection errors. The client reconnects by itself and the commands in flight
   * reject to their callers; the listener also keeps the client's error event from crashing
   * the process.
   */
  logger?: Logger;
}

/** Expired placements removed per script call, so one dead node's people never stall Redis. */
const REAP_BATCH_SIZE = 200;
/** People refreshed per script call, for the same reason. */
const HEARTBEAT_BATCH_SIZE = 500;

/**
 * Presence shared by every node through Redis. Each operation is one Lua script, so two nodes
 * seating people at one table cannot both take its last seat. Key layout: `CONTEXT.md`.
 */
export async function createRedisPresence(options: RedisPresenceOptions): Promise<Presence> {
  const client: RedisClient = createClient(redisClientOptions(options.url));
  client.on('error', (err: unknown) => options.logger?.error({ err }, 'presence: Redis error'));
  await client.connect();
  return redisPresence(client, options);
}

function redisPresence(client: RedisClient, options: RedisPresenceOptions): Presence {
  const { ttlMs } = options;
  const prefix = options.keyPrefix ?? 'kh:';
  const fairsKey = `${prefix}fairs`;
  // The {fairId} hash tag puts every key of a fair on one cluster slot, which the scripts need.
  const fairPrefix = (fairId: string) => `${prefix}{${fairId}}:`;

  const run = async <T>(script: LuaScript, fairId: string, args: string[]): Promise<T> => {
    const base = fairPrefix(fairId);
    return parseReply<T>(await runScript(client, script, [`${base}where`], [base, ...args]));
  };

  return {
    async configureTables(fairId, tables) {
      if (tables.length === 0) return [];
      const rules = tables.map(copyRules);
      const changed = await run<unknown>(
        CONFIGURE_SCRIPT,
        fairId,
        rules.map((each) => JSON.stringify(each)),
      );
      return list<RawTableChange>(changed).flatMap(({ index, seq, prevSeq }) => {
        const table = rules[index];
        if (!table) return [];
        const { roomId, ...state } = table;
        return [{ fairId, roomId, table: state, seq, prevSeq }];
      });
    },

    async move(input) {
      const { fairId, owner, now } = input;
      const person = copyPerson(input.person);
      const to = canonicalLocation(input.to);
      const placement: Placement = { location: to, owner };
      // Registered before the move is sent (same connection, so in order): reap finds the fair.
      const [, raw] = await Promise.all([
        client.sAdd(fairsKey, fairId),
        run<RawMove>(MOVE_SCRIPT, fairId, [
          person.id,
          JSON.stringify(person),
          JSON.stringify(to),
          JSON.stringify(placement),
          String(now),
          String(now + ttlMs),
          input.throughLock ? '1' : '0',
        ]),
      ]);
      if ('refused' in raw) return { ok: false, code: raw.refused };
      if ('stay' in raw) return { ok: true, change: null, placement };
      return { ok: true, change: changeOf(raw, { fairId, person, to, at: now }), placement };
    },

    async release({ fairId, personId, owner, now }) {
      const raw = await run<RawChange | null>(RELEASE_SCRIPT, fairId, [
        personId,
        owner ?? '',
        owner === undefined ? '0' : '1',
        String(now),
      ]);
      if (!raw) return null;
      return changeOf(raw, { fairId, person: storedPerson(raw, personId), to: null, at: now });
    },

    async adopt({ fairId, personId, owner, now }) {
      const args = [personId, owner, String(now), String(now + ttlMs)];
      return canonicalPlacement(await run<Placement | null>(ADOPT_SCRIPT, fairId, args));
    },

    async whereIs(fairId, personId) {
      const stored = await client.hGet(`${fairPrefix(fairId)}where`, personId);
      return canonicalPlacement(placementOf(stored));
    },

    async heartbeat(fairId, personIds, now) {
      const missing: string[] = [];
      for (let first = 0; first < personIds.length; first += HEARTBEAT_BATCH_SIZE) {
        const batch = personIds.slice(first, first + HEARTBEAT_BATCH_SIZE);
        const args = [String(now), String(now + ttlMs), ...batch];
        missing.push(...list<string>(await run<unknown>(HEARTBEAT_SCRIPT, fairId, args)));
      }
      return missing;
    },

    async reap(now) {
      const changes: PresenceChange[] = [];
      for (const fairId of await client.sMembers(fairsKey)) {
        for (;;) {
          const args = [String(now), String(REAP_BATCH_SIZE)];
          const batch = await run<RawReap>(REAP_SCRIPT, fairId, args);
          for (const raw of list<RawChange>(batch.changes)) {
            const person = storedPerson(raw, raw.personId ?? '');
            // Last seen at the last refresh, not when someone noticed the person was gone.
            const at = (raw.expiresAt ?? now) - ttlMs;
            changes.push(changeOf(raw, { fairId, person, to: null, at }));
          }
          if (!batch.more) break;
        }
      }
      return changes;
    },

    async lobby(fairId, roomIds) {
      const raw = await run<RawLobby>(LOBBY_SCRIPT, fairId, [...roomIds]);
      const rooms = list<RawOccupancy>(raw.rooms).map(occupancyOf);
      return { seq: raw.seq, state: { rooms, stageCount: raw.stageCount } };
    },

    async room(fairId, roomId) {
      const raw = await run<RawRoom>(ROOM_SCRIPT, fairId, [roomId]);
      const members = list<RawMember>(raw.members).flatMap((member): RoomMember[] => {
        const person = parseJsonField<PersonRef>(member.person);
        const location = placementOf(member.where)?.location;
        if (!person || !location) return [];
        return [{ person, tableId: location.kind === 'table' ? location.tableId : null }];
      });
      const rules = list<unknown>(raw.tables)
        .map(rulesOf)
        .filter((each) => each !== null);
      return { seq: raw.seq, state: { roomId, members, tables: tablesOfRoom(rules, roomId) } };
    },

    async close() {
      await client.close();
    },
  };
}

function canonicalPlacement(placement: Placement | null): Placement | null {
  return placement && { location: canonicalLocation(placement.location), owner: placement.owner };
}
