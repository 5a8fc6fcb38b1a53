import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { createFairLayout, type FairLayout, type RestSession, signUp } from './rest-client';
import {
  freePort,
  SERVER_START_TIMEOUT_MS,
  type ServerProcess,
  startServerProcess,
} from './server-process';
import { createTestDatabase, redisNamespace, type TestDatabase } from './services';

export interface ClusterNode {
  url: string;
  process: ServerProcess;
}

export interface Cluster {
  nodes: ClusterNode[];
  database: TestDatabase;
  stop(): Promise<void>;
}

/**
 * Several server processes as production runs them: one PostgreSQL database, one Redis (under a
 * key prefix of their own), one session secret, each node on its own port.
 */
export async function startCluster(options: {
  databaseAdminUrl: string;
  redisUrl: string;
  nodes: number;
  env?: Record<string, string>;
  /** The nodes reach PostgreSQL through this port (a proxy a test can cut) instead. */
  databasePort?: number;
}): Promise<Cluster> {
  const database = await createTestDatabase(options.databaseAdminUrl);
  const nodeDatabaseUrl = new URL(database.url);
  if (options.databasePort) nodeDatabaseUrl.port = String(options.databasePort);
  const redis = redisNamespace(options.redisUrl);
  const dataDir = await mkdtemp(path.join(tmpdir(), 'kohtaamo-cluster-'));
  const shared = {
    DATABASE_URL: nodeDatabaseUrl.toString(),
    REDIS_URL: options.redisUrl,
    REDIS_KEY_PREFIX: redis.prefix,
    SESSION_SECRET: randomBytes(32).toString('hex'),
    SEED_DEMO: 'never',
    DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    ...options.env,
  };
  const nodes: ClusterNode[] = [];
  const stop = async () => {
    await Promise.all(
      nodes.map(async ({ process }) => {
        if (process.child.exitCode === null && process.child.signalCode === null) {
          process.child.kill('SIGTERM');
        }
        await process.exited;
      }),
    );
    await redis.clear();
    await database.drop();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    // One at a time: the first applies the migrations, the others find them applied.
    for (let i = 0; i < options.nodes; i += 1) {
      const port = await freePort();
      const started = await startServerProcess({ ...shared, PORT: String(port) });
      nodes.push({ url: `http://127.0.0.1:${port}`, process: started });
    }
  } catch (err) {
    await stop();
    throw err;
  }
  return { nodes, database, stop };
}

/** The cluster of a suite and a fair on it, created through the first node's API. */
export interface ClusterFair {
  cluster: Cluster;
  layout: FairLayout;
  /** The organiser who created the fair. */
  organiser: RestSession;
  nodeUrl(index: number): string;
}

/**
 * Before the suite: a cluster of `nodes` processes and a fair of the given shape on it. After it:
 * the processes stop and their database and Redis keys are removed. Read fields inside tests.
 */
export function useClusterFair(
  services: { databaseUrl: string; redisUrl: string },
  options: { nodes: number; rooms: number; tables: number },
): ClusterFair {
  const fixture = {
    nodeUrl(index: number) {
      const node = fixture.cluster.nodes[index % fixture.cluster.nodes.length];
      if (!node) throw new Error('no such node');
      return node.url;
    },
  } as ClusterFair;
  beforeAll(async () => {
    fixture.cluster = await startCluster({
      databaseAdminUrl: services.databaseUrl,
      redisUrl: services.redisUrl,
      nodes: options.nodes,
    });
    fixture.organiser = await signUp(fixture.nodeUrl(0), 'Olli Järjestäjä');
    fixture.layout = await createFairLayout(fixture.nodeUrl(0), fixture.organiser, options);
    // Nodes start one after another, each within its start-up allowance.
  }, options.nodes * SERVER_START_TIMEOUT_MS);
  afterAll(async () => {
    await fixture.cluster?.stop();
  });
  return fixture;
}
