import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadRegistry, renderRegistry } from "../../generator/index.js";
import { tryLoadRegistry } from "../../generator/model/load-model.js";
import { fileAt, importModule } from "../helpers/generated-module.js";
import { repoRoot } from "../helpers/paths.js";
import { tempDir, writeTree } from "../helpers/temp.js";
import { compileStrict } from "../helpers/typescript.js";

const EXAMPLES = path.join(repoRoot, "examples");
const GRPC = path.join(EXAMPLES, "grpc-status", "grpc-status.yaml");
const HTTP = path.join(EXAMPLES, "http-status", "http-status.yaml");

/** google.rpc.Code's HTTP mapping, but CANCELLED (499 is not an IANA code; see the registry's header). */
const HTTP_MAPPING = [200, 408, 500, 400, 504, 404, 409, 403, 429, 400, 409, 400, 501, 500, 503, 500, 401];

/** A gateway that answers with the HTTP status of a gRPC status, typed by the HTTP module's own type. */
const GATEWAY = `import { getGrpcStatusHttpStatus, getGrpcStatusInfo, type GrpcStatusHttpStatus } from "./grpc-status.js";
import { describeHttpStatus, type HttpStatus } from "./http-status.js";

export function answer(grpcStatus: number): { status: HttpStatus; text: string } {
    const status: GrpcStatusHttpStatus = getGrpcStatusHttpStatus(grpcStatus) ?? 500;
    const typed: HttpStatus = status;
    return { status: typed, text: describeHttpStatus(typed) };
}
export const retry: boolean | undefined = getGrpcStatusInfo(14)?.retryable;
// @ts-expect-error: 499 is not an HTTP status of the registry
export const nginx: GrpcStatusHttpStatus = 499;
`;

describe("the gRPC status example, mapped to the HTTP status example", () => {
  it("maps every gRPC status to a code of the HTTP status registry", async () => {
    const [grpc, http] = await Promise.all([loadRegistry(GRPC), loadRegistry(HTTP)]);
    expect(grpc.codes.map((entry) => entry.code)).toEqual(Array.from({ length: 17 }, (_, code) => code));
    expect(grpc.codes.map((entry) => entry.fields.httpStatus)).toEqual(HTTP_MAPPING);
    const httpCodes = new Set(http.codes.map((entry) => entry.code));
    for (const status of HTTP_MAPPING) expect(httpCodes.has(status), String(status)).toBe(true);
    expect(grpc.codes.filter((entry) => entry.fields.retryable === true).map((entry) => entry.name)).toEqual(["UNAVAILABLE"]);
  });

  it("generates a module without runtime imports that compiles, with the HTTP module, into a gateway typed by both", async () => {
    const [grpc, http] = await Promise.all([loadRegistry(GRPC), loadRegistry(HTTP)]);
    const dir = await tempDir();
    const grpcModule = fileAt(await renderRegistry(grpc, { outDir: dir, targets: ["ts"] }), "grpc-status.ts");
    expect(grpcModule).not.toMatch(/^\s*(import|export .* from)\b/m);
    expect(grpcModule).toContain("export type GrpcStatusHttpStatus = 100 | 101 |");
    const httpModule = fileAt(await renderRegistry(http, { outDir: dir, targets: ["ts"] }), "http-status.ts");
    const compiled = await compileStrict(dir, { "grpc-status.ts": grpcModule, "http-status.ts": httpModule, "gateway.ts": GATEWAY });
    expect(compiled.output).toBe("");
    const module = await importModule(grpcModule);
    const lookUp = module.getGrpcStatusHttpStatus as (code: number) => number | undefined;
    expect(HTTP_MAPPING.map((_, code) => lookUp(code))).toEqual(HTTP_MAPPING);
    expect(lookUp(17)).toBeUndefined();
    expect((module.getGrpcStatusInfo as (code: number) => unknown)(14)).toEqual({
      code: 14,
      name: "UNAVAILABLE",
      status: "active",
      httpStatus: 503,
      retryable: true,
    });
  });

  it("refuses a mapping to a number that is not an HTTP status, located, with a did-you-mean", async () => {
    const dir = await tempDir();
    const broken = `id: gateway\ntype: Gateway\nlocales: [en]\nfields:\n  - { name: httpStatus, type: code, registry: ./http-status.yaml }\ncodes:\n  - { code: 1, name: Cancelled, description: Cancelled., fields: { httpStatus: 499 } }\n  - { code: 2, name: Busy, description: Busy., fields: { httpStatus: ServiceUnavailabel } }\n`;
    await writeTree(dir, { "gateway.yaml": broken, "http-status.yaml": await readFile(HTTP, "utf8") });
    const result = await tryLoadRegistry(path.join(dir, "gateway.yaml"), { cwd: dir });
    expect(result.ok).toBe(false);
    const lines = result.ok ? [] : result.diagnostics.map((each) => `${each.file}:${each.line}:${each.column}: ${each.message}`);
    expect(lines).toEqual([
      "gateway.yaml:7:80: code 499 is not a code of HttpStatus (http-status.yaml); did you mean 409 (Conflict)?",
      'gateway.yaml:8:70: "ServiceUnavailabel" is not a code of HttpStatus (http-status.yaml); did you mean 503 (ServiceUnavailable)?',
    ]);
  });
});
