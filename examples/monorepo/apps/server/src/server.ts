import type { AddressInfo } from "node:net";
import { type CloseCodeName, CloseCodes, getCloseCodeName, isAppCloseCode } from "@example/codes";
import { WebSocketServer } from "ws";

/** A running server and how to stop it. */
export interface RunningServer {
  readonly port: number;
  readonly close: () => Promise<void>;
}

function isCloseCodeName(name: string): name is CloseCodeName {
  return Object.hasOwn(CloseCodes, name);
}

/**
 * Starts the chat server. For the demo, the path says which app code to end the connection with:
 * `/close/SessionExpired` closes it with 4001 once it is open.
 */
export function startServer(options: { readonly host: string; readonly port: number }): Promise<RunningServer> {
  const server = new WebSocketServer({ host: options.host, port: options.port });
  server.on("connection", (socket, request) => {
    const name = /^\/close\/([A-Za-z]+)$/.exec(request.url ?? "")?.[1] ?? "";
    const code = isCloseCodeName(name) ? CloseCodes[name] : undefined;
    if (code === undefined || !isAppCloseCode(code)) {
      socket.close(CloseCodes.PolicyViolation, "unknown scenario");
      return;
    }
    // The reason is for logs; the client shows the localized description of the code itself.
    socket.close(code, getCloseCodeName(code));
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.once("listening", () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        port,
        close: () =>
          new Promise<void>((done) => {
            for (const client of server.clients) client.terminate();
            server.close(() => done());
          }),
      });
    });
  });
}
