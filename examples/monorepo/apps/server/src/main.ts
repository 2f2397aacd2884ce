import { startServer } from "./server.js";

const port = Number(process.argv[2] ?? "8080");
const server = await startServer({ host: "127.0.0.1", port });
process.stdout.write(`listening on ws://127.0.0.1:${server.port}\n`);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.stdout.write("server stopped\n"));
  });
}
