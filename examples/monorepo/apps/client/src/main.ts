import { connectAndExplain } from "./client.js";

// node dist/main.js ws://127.0.0.1:8080 --locale de SessionExpired RateLimited ...
const [server, ...rest] = process.argv.slice(2);
const localeFlag = rest.indexOf("--locale");
const locale = localeFlag === -1 ? "en" : (rest[localeFlag + 1] ?? "en");
const scenarios = rest.filter((_, index) => index !== localeFlag && index !== localeFlag + 1);
if (server === undefined || scenarios.length === 0) {
  process.stderr.write("usage: client WS-URL [--locale TAG] SCENARIO...\n");
  process.exit(2);
}
for (const scenario of scenarios) {
  const report = await connectAndExplain(`${server}/close/${scenario}`, locale);
  const kind = report.appCode ? "app" : "standard";
  process.stdout.write(`${report.code} ${report.name} (${kind}, ${report.advice}): ${report.description}\n`);
}
