import { execFile } from "node:child_process";
import { readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "./helpers/paths.js";
import { installInto, type PackedTarball, packPackage } from "./helpers/tarball.js";
import { tempDir, tempDirForFile, writeTree } from "./helpers/temp.js";
import { compileStrict } from "./helpers/typescript.js";

const exec = promisify(execFile);

/**
 * A gRPC status registry as a new user writes it: English as plain strings, no title, and one file per
 * translator (`grpc-status.de.yaml`, `grpc-status.fr.yaml`).
 */
const GRPC = `# yaml-language-server: $schema=./node_modules/codebook/schema/registry.schema.json
id: grpc-status
type: GrpcStatus
locales: [en, de, fr]
codes:
  - code: 0
    name: Ok
    description: Not an error; returned on success.
  - code: 4
    name: DeadlineExceeded
    description: The deadline expired before the operation could complete.
  - code: 14
    name: Unavailable
    description: The service is currently unavailable, most likely for a short while.
sets:
  - name: Retryable
    description: Worth retrying with a backoff.
    include: [DeadlineExceeded, Unavailable]
`;
const GRPC_DE = `locale: de
codes:
  Ok: Kein Fehler; bei Erfolg zurückgegeben.
  DeadlineExceeded: Die Frist lief ab, bevor der Vorgang abgeschlossen werden konnte.
  Unavailable: Der Dienst ist derzeit nicht verfügbar, wahrscheinlich nur kurz.
sets:
  Retryable:
    description: Einen erneuten Versuch mit Wartezeit wert.
`;
const GRPC_FR = `locale: fr
codes:
  Ok: Pas une erreur ; renvoyé en cas de succès.
  DeadlineExceeded: Le délai a expiré avant la fin de l'opération.
  Unavailable: Le service est momentanément indisponible.
sets:
  Retryable:
    description: Vaut une nouvelle tentative après une attente.
`;

/** The app's close codes: the WebSocket defaults from the installed package, in two of their eight locales. */
const APP = `# yaml-language-server: $schema=./node_modules/codebook/schema/registry.schema.json
id: app-close-codes
extends: codebook/schema/close-codes.yaml
locales: [en, de]
title: Chat app close codes
codes:
  - code: 4001
    name: SessionExpired
    description: Your session has expired; sign in again.
sets:
  - name: SignIn
    description: Sign in again before reconnecting.
    include: [SessionExpired, Unauthorized]
`;
const APP_DE = `locale: de
title: Close-Codes der Chat-App
codes:
  SessionExpired: Ihre Sitzung ist abgelaufen; bitte melden Sie sich erneut an.
sets:
  SignIn:
    description: Vor dem erneuten Verbinden neu anmelden.
`;

/** What the app does with the generated modules, compiled with the strictest flags and run. */
const MAIN = `import { describeGrpcStatus, grpcStatusLocales, isRetryableGrpcStatus } from "./generated/grpc-status.js";
import { closeCodeLocales, describeCloseCode, isSignInCloseCode } from "./generated/app-close-codes.js";

const lines: string[] = [
  describeGrpcStatus(14),
  describeGrpcStatus(14, "de-CH"),
  describeGrpcStatus(4, ["it", "fr"]),
  String(isRetryableGrpcStatus(14)) + " " + String(isRetryableGrpcStatus(0)),
  grpcStatusLocales.join(","),
  describeCloseCode(4001, "de"),
  describeCloseCode(1001, "de"),
  describeCloseCode(1001, "fr"),
  String(isSignInCloseCode(4001)) + " " + String(isSignInCloseCode(3000)) + " " + String(isSignInCloseCode(1000)),
  closeCodeLocales.join(","),
];
console.log(lines.join("\\n"));
`;

describe("codebook in a new user's project, from the packed tarball", () => {
  let packed: PackedTarball;

  beforeAll(async () => {
    packed = await packPackage(repoRoot, await tempDirForFile("codebook-pack-"));
  }, 120_000);

  it("init, then a multi-locale registry with locale files and one that extends the default with a locale subset: generate, check, i18n --strict and the compiled module", {
    timeout: 240_000,
  }, async () => {
    const dir = await tempDir("codebook-user-");
    await installInto(dir, [packed.tarball]);
    const codebook = async (...args: string[]) => exec(path.join(dir, "node_modules", ".bin", "codebook"), args, { cwd: dir });

    const init = await codebook("init");
    expect(init.stdout.split("\n").slice(0, 2)).toEqual(["wrote app-errors.yaml", "wrote codebook.config.json"]);
    expect(init.stdout).toContain("npx codebook generate");
    // The $schema lines work from node_modules: they name the schemas of the installed package.
    const schemaLine = (await readFile(path.join(dir, "app-errors.yaml"), "utf8")).split("\n")[0]!;
    expect((await stat(path.resolve(dir, schemaLine.replace("# yaml-language-server: $schema=", "")))).isFile()).toBe(true);
    const config = JSON.parse(await readFile(path.join(dir, "codebook.config.json"), "utf8")) as { $schema: string; registries: object[] };
    expect((await stat(path.resolve(dir, config.$schema))).isFile()).toBe(true);

    await writeTree(dir, {
      "codes/grpc-status.yaml": GRPC.replace("./node_modules", "../node_modules"),
      "codes/grpc-status.de.yaml": GRPC_DE,
      "codes/grpc-status.fr.yaml": GRPC_FR,
      "app-close-codes.yaml": APP,
      "app-close-codes.de.yaml": APP_DE,
    });
    config.registries.push(
      { registry: "codes/grpc-status.yaml", outDir: "src/generated", targets: ["ts", "i18next", "gettext"] },
      { registry: "app-close-codes.yaml", outDir: "src/generated", targets: ["ts", "md"] },
    );
    await writeFile(path.join(dir, "codebook.config.json"), `${JSON.stringify(config, null, 2)}\n`);

    const generate = await codebook("generate");
    expect(generate.stderr).toBe("");
    expect(generate.stdout).toContain("wrote src/generated/grpc-status.ts");
    expect(generate.stdout).toContain("wrote src/generated/gettext/fr/grpc-status.po");
    expect(generate.stdout).toContain("wrote src/generated/app-close-codes.de.md");
    expect(generate.stdout).not.toMatch(/app-close-codes\.(fr|ja)\.md|i18next\/ja\//);
    expect((await codebook("check")).stdout).toMatch(/^codebook: \d+ generated files are current$/m);

    const i18n = await codebook("i18n", "--strict");
    expect(
      i18n.stdout
        .trimEnd()
        .split("\n")
        .filter((line) => !line.startsWith(" ")),
    ).toEqual([
      "app-errors.yaml: 1 locale, 7 texts each (source locale en)",
      "codes/grpc-status.yaml: 3 locales, 4 texts each (source locale en)",
      "app-close-codes.yaml: 2 locales, 3 texts each (source locale en)",
      "node_modules/codebook/schema/close-codes.yaml (extended by app-close-codes.yaml): 2 locales, 33 texts each (source locale en)",
    ]);

    const app = await tempDir("codebook-user-app-");
    const compiled = await compileStrict(
      app,
      {
        "generated/grpc-status.ts": await readFile(path.join(dir, "src/generated/grpc-status.ts"), "utf8"),
        "generated/app-close-codes.ts": await readFile(path.join(dir, "src/generated/app-close-codes.ts"), "utf8"),
        "main.ts": MAIN,
      },
      { noEmit: false, outDir: "out" },
    );
    expect(compiled.output).toBe("");
    expect(compiled.ok).toBe(true);
    const { stdout } = await exec(process.execPath, [path.join(app, "out", "main.js")]);
    expect(stdout.trimEnd().split("\n")).toEqual([
      "The service is currently unavailable, most likely for a short while.",
      "Der Dienst ist derzeit nicht verfügbar, wahrscheinlich nur kurz.",
      "Le délai a expiré avant la fin de l'opération.",
      "true false",
      "en,de,fr",
      "Ihre Sitzung ist abgelaufen; bitte melden Sie sich erneut an.",
      expect.stringMatching(/^Endpunkt geht; /),
      // "fr" is not among the two locales the app keeps: the source locale.
      expect.stringMatching(/^Going away; /),
      "true true false",
      "en,de",
    ]);
  });
});
