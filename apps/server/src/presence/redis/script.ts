import { createHash } from 'node:crypto';
import type { createClient } from 'redis';
import { LUA_COMMON } from './lua-common';

export type RedisClient = ReturnType<typeof createClient>;

export interface LuaScript {
  source: string;
  sha1: string;
}

export function luaScript(body: string): LuaScript {
  const source = `${LUA_COMMON}\n${body}`;
  return { source, sha1: createHash('sha1').update(source).digest('hex') };
}

/**
 * Runs a script by its digest, and by its source when Redis does not know the digest: after a
 * restart or SCRIPT FLUSH the script cache is empty, and EVAL fills it again for the next call.
 */
export async function runScript(
  client: RedisClient,
  script: LuaScript,
  keys: string[],
  args: string[],
): Promise<unknown> {
  try {
    return await client.evalSha(script.sha1, { keys, arguments: args });
  } catch (error) {
    if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
    return client.eval(script.source, { keys, arguments: args });
  }
}
