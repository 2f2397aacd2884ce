import { describe, expect, it } from "vitest";
import { createWritePool } from "../../generator/write/write-pool.js";

/** A write that finishes when `release` is called, counting how many run at once. */
function gate() {
  let running = 0;
  let most = 0;
  const waiting: (() => void)[] = [];
  const write =
    (fail = false) =>
    async (): Promise<void> => {
      running += 1;
      most = Math.max(most, running);
      await new Promise<void>((resolve) => waiting.push(resolve));
      running -= 1;
      if (fail) throw new Error("disk full");
    };
  const releaseAll = (): void => {
    for (const release of waiting.splice(0)) release();
  };
  return { write, releaseAll, most: () => most, running: () => running };
}

describe("the write pool", () => {
  it("runs at most its limit of writes at once, and drains them all", async () => {
    const { write, releaseAll, most } = gate();
    const pool = createWritePool({ files: 3, bytes: 1 << 20 });
    const adding = (async () => {
      for (let index = 0; index < 10; index++) await pool.add(write());
    })();
    const timer = setInterval(releaseAll, 1);
    await adding;
    await pool.drain();
    clearInterval(timer);
    expect(most()).toBe(3);
  });

  it("takes no write after one failed, and rethrows its error once every running write is done", async () => {
    const { write, releaseAll, running } = gate();
    const pool = createWritePool({ files: 2, bytes: 1 << 20 });
    await pool.add(write(true));
    await pool.add(write());
    const third = pool.add(write());
    releaseAll();
    await expect(third).rejects.toThrow("disk full");
    releaseAll();
    await expect(pool.drain()).rejects.toThrow("disk full");
    expect(running()).toBe(0);
    await expect(pool.add(write())).rejects.toThrow("disk full");
  });

  it("settles without throwing, once nothing runs", async () => {
    const { write, releaseAll, running } = gate();
    const pool = createWritePool({ files: 4, bytes: 1 << 20 });
    await pool.add(write(true));
    await pool.add(write());
    const settled = pool.settle();
    releaseAll();
    await settled;
    expect(running()).toBe(0);
  });
});

describe("the write pool's bytes", () => {
  it("runs a write that would pass the byte limit only once the others are done, and a large one alone", async () => {
    const { write, releaseAll, most } = gate();
    const pool = createWritePool({ files: 10, bytes: 100 });
    await pool.add(write(), 60);
    let second = false;
    const adding = pool.add(write(), 60).then(() => (second = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(second).toBe(false);
    releaseAll();
    await adding;
    const large = pool.add(write(), 500);
    releaseAll();
    await large;
    releaseAll();
    await pool.drain();
    expect(most()).toBe(1);
  });
});
