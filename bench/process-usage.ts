/**
 * Preloaded with `node --import` into a benchmarked process: at exit it writes the process's peak resident set
 * size (bytes) and the CPU time it used (user + system, milliseconds) as JSON to the file named by
 * CODEBOOK_BENCH_USAGE_FILE.
 */
import { writeFileSync } from "node:fs";

const file = process.env.CODEBOOK_BENCH_USAGE_FILE;
if (file !== undefined) {
  process.on("exit", () => {
    const usage = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ maxRssBytes: usage.maxRSS * 1024, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 }));
  });
}
