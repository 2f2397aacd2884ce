import { describeCloseCode, getCloseCodeName, isAppCloseCode, isCloseCode, isReconnectCloseCode, isSignInCloseCode } from "@example/codes";
import WebSocket from "ws";

/** What the client does after a close code. */
export type Advice = "reconnect" | "sign-in" | "stay-away" | "unknown";

/** Why a connection ended, as the client explains it to its user. */
export interface CloseReport {
  readonly code: number;
  readonly name: string;
  readonly appCode: boolean;
  readonly advice: Advice;
  readonly description: string;
}

/** Classifies a close code with the generated guards and describes it in `locale`. */
export function explainClose(code: number, locale: string): CloseReport {
  const advice: Advice = !isCloseCode(code)
    ? "unknown"
    : isReconnectCloseCode(code)
      ? "reconnect"
      : isSignInCloseCode(code)
        ? "sign-in"
        : "stay-away";
  return {
    code,
    name: getCloseCodeName(code) ?? "Unknown",
    appCode: isAppCloseCode(code),
    advice,
    description: describeCloseCode(code, locale),
  };
}

/** Connects to `url` and resolves with the explanation of the code the server closes the connection with. */
export function connectAndExplain(url: string, locale: string): Promise<CloseReport> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.once("error", reject);
    socket.once("close", (code) => resolve(explainClose(code, locale)));
  });
}
