import { readdir, rename } from 'node:fs/promises';
import path from 'node:path';
import type { Target } from './targets';

/** Writing a snapshot of a few hundred MB blocks a node for seconds, more on a loaded machine. */
const SNAPSHOT_TIMEOUT_MS = 180_000;

async function snapshotOf(dir: string, pid: number, known: ReadonlySet<string>) {
  const startedMs = Date.now();
  while (Date.now() - startedMs < SNAPSHOT_TIMEOUT_MS) {
    const files = await readdir(dir);
    const found = files.find(
      (name) => name.endsWith('.heapsnapshot') && name.includes(`.${pid}.`) && !known.has(name),
    );
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`node ${pid} wrote no heap snapshot`);
}

/**
 * The node writes the snapshot on its main thread: it answers again once it is done. The first
 * try may meet a kept-alive connection the node closes as it wakes up (ECONNRESET).
 */
async function answering(url: string): Promise<void> {
  const startedMs = Date.now();
  for (;;) {
    try {
      await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(SNAPSHOT_TIMEOUT_MS) });
      return;
    } catch (err) {
      if (Date.now() - startedMs > SNAPSHOT_TIMEOUT_MS) throw err;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

/**
 * Has every node write a heap snapshot (the nodes run with `--heapsnapshot-signal=SIGUSR2`) and
 * waits until each is written, renamed `<label>-node-N.heapsnapshot`. The snapshot is taken after
 * a full garbage collection, so it holds only what is still reachable: what a leak would grow,
 * unlike the used heap on /metrics, which includes garbage not yet collected.
 */
export async function takeHeapSnapshots(target: Target, dir: string, label: string) {
  const known = new Set(await readdir(dir));
  for (const pid of target.pids) process.kill(pid, 'SIGUSR2');
  return Promise.all(
    target.pids.map(async (pid, node) => {
      const written = await snapshotOf(dir, pid, known);
      await answering(target.urls[node] ?? '');
      const named = path.join(dir, `${label}-node-${node + 1}.heapsnapshot`);
      await rename(path.join(dir, written), named);
      return named;
    }),
  );
}
