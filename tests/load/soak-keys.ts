import { createClient } from 'redis';

/**
 * Keys a fair keeps in Redis after everyone has left, by design (see
 * `apps/server/src/presence/CONTEXT.md`): the tables' rules, the sequence counter and each
 * scope's last sequence number (so numbering continues when people come back), the set of fairs
 * the reaper visits, and Socket.IO's stream (trimmed to the reconnect grace). Connection-recovery
 * sessions may stay until their expiry. Anything else left over is a leak.
 */
const KEPT = [/^fairs$/, /^\{[^}]+\}:(tables|seq|last)$/, /^socket\.io$/];
const EXPIRING = [/^sio:session:/];

export interface KeyReport {
  kept: string[];
  /** Recovery sessions still waiting for their expiry. */
  expiring: number;
  leaked: { key: string; type: string; ttlMs: number }[];
}

export async function redisInfo(url: string, section: string): Promise<Record<string, string>> {
  const client = createClient({ url });
  await client.connect();
  try {
    const text = await client.info(section);
    return Object.fromEntries(
      text
        .split('\r\n')
        .filter((line) => line.includes(':'))
        .map((line) => line.split(':', 2) as [string, string]),
    );
  } finally {
    await client.close();
  }
}

/** Bytes and entries of the Socket.IO stream: the last reconnect grace's broadcasts. */
export async function streamSize(
  url: string,
  prefix: string,
): Promise<{ bytes: number; entries: number }> {
  const client = createClient({ url });
  await client.connect();
  try {
    const key = `${prefix}socket.io`;
    // SAMPLES 0 reads every entry: exact, where the default estimate strays by megabytes.
    const [bytes, entries] = await Promise.all([
      client.memoryUsage(key, { SAMPLES: 0 }),
      client.xLen(key),
    ]);
    return { bytes: Number(bytes ?? 0), entries };
  } finally {
    await client.close();
  }
}

/** Every key under the deployment's prefix, sorted into kept by design, expiring and leaked. */
export async function leftoverKeys(url: string, prefix: string): Promise<KeyReport> {
  const client = createClient({ url });
  await client.connect();
  const report: KeyReport = { kept: [], expiring: 0, leaked: [] };
  try {
    for await (const keys of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 1000 })) {
      for (const key of keys) {
        const name = key.slice(prefix.length);
        const ttlMs = await client.pTTL(key);
        if (KEPT.some((pattern) => pattern.test(name))) report.kept.push(name);
        else if (EXPIRING.some((pattern) => pattern.test(name)) && ttlMs > 0) report.expiring += 1;
        else report.leaked.push({ key: name, type: await client.type(key), ttlMs });
      }
    }
  } finally {
    await client.close();
  }
  report.kept.sort();
  return report;
}
