/**
 * Temporary files written a few at a time: each write waits on the disk (above all its `fsync`), and written one
 * after the other those waits add up, while the thread pool could run several at once. The first failure stops
 * the pool taking more; the writes already running finish first, so that the caller can remove every file.
 */
export interface WritePool {
  /**
   * Starts `write` once fewer than the limit run, and returns then (not when it is done).
   * @throws the first error of any write started earlier
   */
  add(write: () => Promise<void>): Promise<void>;
  /**
   * Waits for every write started.
   * @throws the first error of any of them
   */
  drain(): Promise<void>;
  /** Waits for every write started, failed or not: then no file is being written. */
  settle(): Promise<void>;
}

/** How many files {@link createWritePool} writes at once by default: Node's thread pool has four threads. */
export const WRITES_AT_ONCE = 8;

/** A {@link WritePool} running at most `limit` writes at once. */
export function createWritePool(limit = WRITES_AT_ONCE): WritePool {
  const running = new Set<Promise<void>>();
  let failure: { readonly error: unknown } | undefined;
  const throwIfFailed = (): void => {
    if (failure !== undefined) throw failure.error;
  };
  const settle = async (): Promise<void> => {
    while (running.size > 0) await Promise.all(running);
  };
  return {
    async add(write) {
      while (running.size >= limit && failure === undefined) await Promise.race(running);
      throwIfFailed();
      const started: Promise<void> = write()
        .catch((error: unknown) => {
          failure ??= { error };
        })
        .finally(() => running.delete(started));
      running.add(started);
    },
    async drain() {
      await settle();
      throwIfFailed();
    },
    settle,
  };
}
