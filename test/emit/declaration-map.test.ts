import { spawn } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { originalPositionFor, TraceMap } from "@jridgewell/trace-mapping";
import { describe, expect, it } from "vitest";
import { generate, loadRegistry } from "../../generator/index.js";
import { defaultRegistry, repoRoot } from "../helpers/paths.js";
import { tempDir } from "../helpers/temp.js";

const registryText = await readFile(defaultRegistry, "utf8");
const registry = await loadRegistry(defaultRegistry);
const registryLines = registryText.split("\n");

/** The 1-based line of the first line matching `pattern` at or after `from` in `lines`. */
function lineOf(lines: readonly string[], pattern: RegExp, from = 0): number {
  const index = lines.findIndex((line, at) => at >= from && pattern.test(line));
  if (index < 0) throw new Error(`no line matches ${pattern}`);
  return index + 1;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const setsStart = lineOf(registryLines, /^sets:/);

/** What the editor should land on for each declaration, found by reading the YAML as text. */
function expectedTargets(): { name: string; declaration: RegExp; file: string; line: number }[] {
  const codes = registry.codes.map((entry) => ({
    name: entry.name,
    declaration: new RegExp(`^\\s+readonly ${entry.name}: `),
    file: defaultRegistry,
    line: lineOf(registryLines, new RegExp(`^\\s+name: ${entry.name}$`)),
  }));
  const aliases = [...registry.codes, ...registry.ranges].flatMap((item) =>
    item.aliases.map((alias) => ({
      name: alias.name,
      declaration: new RegExp(`^export declare const ${alias.name}[: ]`),
      file: defaultRegistry,
      line: lineOf(registryLines, new RegExp(`\\b${alias.name}\\b`)),
    })),
  );
  const guards = [
    {
      name: "isCloseCode",
      declaration: /^export declare function isCloseCode\(/,
      file: defaultRegistry,
      line: lineOf(registryLines, /^type: CloseCode$/),
    },
    ...registry.sets.map((set) => ({
      name: set.guard ?? `is${set.name}CloseCode`,
      declaration: new RegExp(`^export declare function ${set.guard ?? `is${set.name}CloseCode`}\\(`),
      file: defaultRegistry,
      line: lineOf(registryLines, new RegExp(`^  - name: ${set.name}$`), setsStart),
    })),
  ];
  const catalogs = registry.locales.map((locale) => {
    const suffix = locale
      .split("-")
      .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
      .join("");
    const localeFile = defaultRegistry.replace(/\.yaml$/, `.${locale}.yaml`);
    const inline = !registry.locateOrigins?.().locales.get(locale)?.path.endsWith(`.${locale}.yaml`);
    return {
      name: `closeCodeCatalog${suffix}`,
      declaration: new RegExp(`^export declare const closeCodeCatalog${suffix}: `),
      file: inline ? defaultRegistry : localeFile,
      line: inline ? lineOf(registryLines, /^locales: /) : 0,
    };
  });
  return [...codes, ...aliases, ...guards, ...catalogs];
}

async function generateJs(enums: boolean): Promise<{ dir: string; declarations: string; map: TraceMap }> {
  const dir = await tempDir();
  await generate({ registries: [defaultRegistry], outDir: path.join(dir, "lib"), targets: ["ts"], emit: "js", enums, cwd: repoRoot });
  const declarations = await readFile(path.join(dir, "lib", "close-codes.d.ts"), "utf8");
  const map = new TraceMap(
    await readFile(path.join(dir, "lib", "close-codes.d.ts.map"), "utf8"),
    path.join(dir, "lib", "close-codes.d.ts.map"),
  );
  return { dir, declarations, map };
}

describe.each([false, true])("the declaration map of emit js (enums: %s)", (enums) => {
  it("maps every member, alias, guard and catalog to its line in the registry or its locale file", async () => {
    const { dir, declarations, map } = await generateJs(enums);
    // The sources are relative to the map, so the map is the same wherever the project is.
    expect(map.sources).toContain(path.relative(path.join(dir, "lib"), defaultRegistry).split(path.sep).join("/"));
    expect(map.resolvedSources).toContain(defaultRegistry);
    expect(declarations.trimEnd().split("\n").at(-1)).toBe("//# sourceMappingURL=close-codes.d.ts.map");
    const lines = declarations.split("\n");
    const targets = expectedTargets().filter((target) => !(enums && target.declaration.source.startsWith("^\\s+readonly")));
    if (enums) {
      targets.push(
        ...registry.codes.map((entry) => ({
          name: entry.name,
          declaration: new RegExp(`^\\s+${entry.name} = ${entry.code}`),
          file: defaultRegistry,
          line: lineOf(registryLines, new RegExp(`^\\s+name: ${entry.name}$`)),
        })),
      );
    }
    expect(targets.length).toBeGreaterThan(registry.codes.length + registry.locales.length);
    for (const target of targets) {
      const at = lineOf(lines, target.declaration);
      const column = lines[at - 1]!.search(new RegExp(`\\b${escapeRegExp(target.name)}\\b`));
      const original = originalPositionFor(map, { line: at, column });
      const expectedLine = target.line === 0 ? lineOf((await readFile(target.file, "utf8")).split("\n"), /^locale: /) : target.line;
      expect({ name: target.name, source: original.source, line: original.line }).toEqual({
        name: target.name,
        source: target.file,
        line: expectedLine,
      });
    }
  });
});

describe("emit ts doc comments", () => {
  it("name the registry line of every member, guard, alias and catalog", async () => {
    const dir = await tempDir();
    await generate({ registries: [defaultRegistry], outDir: path.join(dir, "lib"), targets: ["ts"], cwd: repoRoot });
    const module = await readFile(path.join(dir, "lib", "close-codes.ts"), "utf8");
    const shown = path.relative(path.join(dir, "lib"), defaultRegistry).split(path.sep).join("/");
    for (const entry of registry.codes) {
      const doc = new RegExp(
        `\\* Defined at ${escapeRegExp(shown)}:(\\d+)\\.\\n(?:\\s+\\* .*\\n)*\\s+\\*/\\n\\s+${entry.name} = ${entry.code}`,
      );
      expect(Number(doc.exec(module)?.[1]), entry.name).toBe(lineOf(registryLines, new RegExp(`^\\s+name: ${entry.name}$`)));
    }
    for (const set of registry.sets) {
      expect(module).toMatch(
        new RegExp(
          `Defined at ${escapeRegExp(shown)}:${lineOf(registryLines, new RegExp(`^  - name: ${set.name}$`), setsStart)}\\.[^]*?export function ${set.guard ?? `is${set.name}CloseCode`}\\(`,
        ),
      );
    }
    expect(module).toMatch(
      new RegExp(`Defined at ${escapeRegExp(shown)}:${lineOf(registryLines, /\bCLOSE_NORMAL\b/)}\\.[^]*?export const CLOSE_NORMAL`),
    );
    expect(module).toMatch(
      new RegExp(`Defined at ${escapeRegExp(shown.replace(/\.yaml$/, ".es.yaml"))}:\\d+\\.[^]*?export const closeCodeCatalogEs`),
    );
  });
});

/**
 * A tsserver: TypeScript 7's compiler is native and has no tsserver, so this is the JavaScript TypeScript that
 * @arethetypeswrong/core (a dev dependency) brings, the language service editors have run until now.
 */
function startTsserver(): { request: (command: string, args: object) => Promise<{ body?: unknown }>; close: () => void } {
  const require = createRequire(path.join(repoRoot, "node_modules", "@arethetypeswrong", "core", "package.json"));
  const child = spawn(process.execPath, [require.resolve("typescript/lib/tsserver.js"), "--disableAutomaticTypingAcquisition"], {
    stdio: ["pipe", "pipe", "ignore"],
  });
  const waiting = new Map<number, (response: { body?: unknown }) => void>();
  let buffered = "";
  child.stdout.on("data", (data: Buffer) => {
    buffered += data.toString();
    const lines = buffered.split("\n");
    buffered = lines.pop()!;
    for (const line of lines.filter((text) => text.startsWith("{"))) {
      const message = JSON.parse(line) as { type: string; request_seq?: number; body?: unknown };
      if (message.type === "response" && message.request_seq !== undefined) waiting.get(message.request_seq)?.(message);
    }
  });
  let seq = 0;
  return {
    request: (command, args) =>
      new Promise((resolve) => {
        seq += 1;
        waiting.set(seq, resolve);
        child.stdin.write(`${JSON.stringify({ seq, type: "request", command, arguments: args })}\n`);
      }),
    close: () => child.kill(),
  };
}

describe("tsserver", () => {
  it("follows the declaration map from a member, a guard, an alias and a catalog to the YAML", async () => {
    const { dir } = await generateJs(false);
    const main = path.join(dir, "main.ts");
    const source = `import { CloseCodes, isValidCloseCode, CLOSE_NORMAL, closeCodeCatalogEs } from "./lib/close-codes.js";
console.log(CloseCodes.NormalClosure, isValidCloseCode(1000), CLOSE_NORMAL, closeCodeCatalogEs);
`;
    await writeFile(main, source);
    await writeFile(
      path.join(dir, "tsconfig.json"),
      JSON.stringify({ compilerOptions: { module: "NodeNext", strict: true, noEmit: true }, files: ["main.ts"] }),
    );
    const tsserver = startTsserver();
    try {
      await tsserver.request("open", { file: main });
      const line = source.split("\n")[1]!;
      const definitionOf = async (name: string) => {
        const { body } = await tsserver.request("definition", { file: main, line: 2, offset: line.indexOf(name) + 1 });
        return (body as { file: string; start: { line: number } }[]).map((item) => `${item.file}:${item.start.line}`);
      };
      const esFile = defaultRegistry.replace(/\.yaml$/, ".es.yaml");
      expect(await definitionOf("NormalClosure")).toEqual([`${defaultRegistry}:${lineOf(registryLines, /^\s+name: NormalClosure$/)}`]);
      expect(await definitionOf("isValidCloseCode")).toEqual([
        `${defaultRegistry}:${lineOf(registryLines, /^ {2}- name: Valid$/, setsStart)}`,
      ]);
      expect(await definitionOf("CLOSE_NORMAL")).toEqual([`${defaultRegistry}:${lineOf(registryLines, /\bCLOSE_NORMAL\b/)}`]);
      expect(await definitionOf("closeCodeCatalogEs")).toEqual([
        `${esFile}:${lineOf((await readFile(esFile, "utf8")).split("\n"), /^locale: es$/)}`,
      ]);
    } finally {
      tsserver.close();
    }
  }, 120_000);
});
