/**
 * Temporary files written several at a time: each write waits on the file system (creating the file, and the
 * `fsync` of a durable one), and written one after the other those waits add up, while the thread pool could run
 * several at once and the next target could render meanwhile. What runs is bounded by a count and by bytes, so
 * that the bytes waiting to be written stay a few megabytes whatever the files' sizes. The first failure stops
 * the pool taking more; the writes already running finish first, so that the caller can remove every file.
 */
export interface WritePool {
  /**
   * Starts `write` of `size` bytes once it fits the limits (or nothing else runs), and returns then (not when it
   * is done).
   * @throws the first error of any write started earlier
   */
  add(write: () => Promise<void>, size?: number): Promise<void>;
  /**
   * Waits for every write started.
   * @throws the first error of any of them
   */
  drain(): Promise<void>;
  /** Waits for every write started, failed or not: then no file is being written. */
  settle(): Promise<void>;
}

/**
 * How much {@link createWritePool} writes at once by default: Node's thread pool has four threads, so more files
 * only queue, while their rendering goes on; the bytes bound what they hold in memory meanwhile.
 */
export const WRITE_LIMITS = { files: 32, bytes: 16 * 1024 * 1024 } as const;

/** A {@link WritePool} running at most `limits.files` writes, of `limits.bytes` bytes together, at once. */
export function createWritePool(limits: { readonly files: number; readonly bytes: number } = WRITE_LIMITS): WritePool {
  const running = new Set<Promise<void>>();
  let bytes = 0;
  let failure: { readonly error: unknown } | undefined;
  const throwIfFailed = (): void => {
    if (failure !== undefined) throw failure.error;
  };
  const settle = async (): Promise<void> => {
    while (running.size > 0) await Promise.all(running);
  };
  return {
    async add(write, size = 0) {
      const full = (): boolean => running.size >= limits.files || (running.size > 0 && bytes + size > limits.bytes);
      while (full() && failure === undefined) await Promise.race(running);
      throwIfFailed();
      bytes += size;
      const started: Promise<void> = write()
        .catch((error: unknown) => {
          failure ??= { error };
        })
        .finally(() => {
          bytes -= size;
          running.delete(started);
        });
      running.add(started);
    },
    async drain() {
      await settle();
      throwIfFailed();
    },
    settle,
  };
}
