/**
 * Moving many people at once (a round's seating, everyone to the stage and back): this many
 * moves run together, enough to finish a large fair in seconds, few enough not to flood the
 * store and Redis at once.
 */
export const MOVES_AT_ONCE = 16;

/** Runs `run` over the items, `MOVES_AT_ONCE` at a time, in order of the batches. */
export async function inBatches<T>(
  items: readonly T[],
  run: (item: T) => Promise<void>,
): Promise<void> {
  for (let start = 0; start < items.length; start += MOVES_AT_ONCE) {
    await Promise.all(items.slice(start, start + MOVES_AT_ONCE).map(run));
  }
}
