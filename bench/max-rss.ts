/**
 * Preloaded with `node --import` into a benchmarked process: at exit it writes the process's peak resident
 * set size (bytes) to the file named by CODEBOOK_BENCH_RSS_FILE.
 */
import { writeFileSync } from "node:fs";

const file = process.env.CODEBOOK_BENCH_RSS_FILE;
if (file !== undefined) process.on("exit", () => writeFileSync(file, String(process.resourceUsage().maxRSS * 1024)));
