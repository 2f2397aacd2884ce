import { statSync } from "node:fs";
import path from "node:path";
import { INIT_DEFAULTS } from "../config/defaults.js";
import { CONFIG_FILE_NAMES } from "../config/find-config.js";
import type { TargetName } from "../emit/types.js";
import { writeNewFile } from "../write/new-file.js";

/** Options of {@link initProject}. */
export interface InitOptions {
  /** The folder to start the project in. */
  readonly cwd: string;
  /**
   * The starter registry's path, relative to `cwd`; its name gives the registry's `id` and `type`.
   * @default "app-errors.yaml"
   */
  readonly registry?: string;
  /**
   * The output folder the config names, relative to `cwd`.
   * @default "src/generated"
   */
  readonly outDir?: string;
  /**
   * The targets the config names.
   * @default ["ts", "md"]
   */
  readonly targets?: readonly TargetName[];
}

/** What {@link initProject} did: the files it created, or the existing files that stopped it. */
export type InitResult =
  | { readonly ok: true; readonly files: readonly string[]; readonly outDir: string }
  | { readonly ok: false; readonly existing: readonly string[] };

/** A registry `id` (kebab-case) from a file name: `App Errors.yaml` → `app-errors`. */
function idFromFileName(file: string): string {
  const words = path
    .basename(file)
    .replace(/\.ya?ml$/i, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const id = words.join("-").replace(/^[^a-z]+/, "");
  return id === "" ? "app-errors" : id.slice(0, 64).replace(/-+$/, "");
}

/** `app-errors` → `App errors`. */
function titleFromId(id: string): string {
  const text = id.replaceAll("-", " ");
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

function typeFromId(id: string): string {
  return id
    .split("-")
    .map((word) => `${word.charAt(0).toUpperCase()}${word.slice(1)}`)
    .join("");
}

/**
 * Where the installed codebook's schema will be, as the registry's `$schema` line names it: the nearest
 * `node_modules/codebook` from the registry's folder up (an npm workspace hoists it to the root), else the
 * project's own `node_modules` (where `npm install -D codebook` puts it).
 */
function schemaReference(registryFile: string, cwd: string, schema: string): string {
  const folder = path.dirname(registryFile);
  let installed = path.join(cwd, "node_modules", "codebook", "schema", schema);
  for (let current = folder; ; current = path.dirname(current)) {
    const candidate = path.join(current, "node_modules", "codebook", "schema", schema);
    if (statSync(candidate, { throwIfNoEntry: false })?.isFile() === true) {
      installed = candidate;
      break;
    }
    if (path.dirname(current) === current) break;
  }
  const relative = path.relative(folder, installed).split(path.sep).join("/");
  return relative.startsWith(".") ? relative : `./${relative}`;
}

function starterRegistry(id: string, type: string, schema: string): string {
  return `# yaml-language-server: $schema=${schema}
#
# The codes of this project. \`npx codebook generate\` turns this file into TypeScript (the ${type} enum, is${type},
# describe${type} and more) and the other targets codebook.config.json lists; \`npx codebook check\` fails
# when they are out of date. To translate, add locales (locales: [en, de]) and a file ${id}.de.yaml beside this one.
id: ${id}
type: ${type}
title: ${titleFromId(id)}
locales: [en]
ranges:
  - from: 1000
    to: 1999
    name: Client
    description: The request was wrong; change it before sending it again.
  - from: 2000
    to: 2999
    name: Server
    description: The service failed; the same request may succeed later.
codes:
  - code: 1000
    name: InvalidInput
    description: The input is invalid.
  - code: 1001
    name: NotFound
    description: The requested item does not exist.
  - code: 2000
    name: Unavailable
    description: The service is unavailable for a moment; try again later.
sets:
  - name: Retryable
    description: Worth sending again after a short delay.
    include: [Unavailable]
`;
}

function starterConfig(registry: string, outDir: string, targets: readonly TargetName[], schema: string): string {
  const config = { $schema: schema, registries: [{ registry, outDir, targets }] };
  return `${JSON.stringify(config, null, 2)}\n`;
}

function exists(file: string): boolean {
  return statSync(file, { throwIfNoEntry: false }) !== undefined;
}

/**
 * Starts a project: writes a starter registry (with a `$schema` line for editors, pointing into the installed
 * codebook) and a `codebook.config.json` naming it. Never overwrites: when either file (or any config file)
 * exists already, nothing is written.
 */
export async function initProject(options: InitOptions): Promise<InitResult> {
  const cwd = path.resolve(options.cwd);
  const registryName = (options.registry ?? INIT_DEFAULTS.registry).split(path.sep).join("/");
  const registryFile = path.resolve(cwd, registryName);
  const configFile = path.join(cwd, CONFIG_FILE_NAMES[0]);
  const existing = [registryFile, ...CONFIG_FILE_NAMES.map((name) => path.join(cwd, name))].filter(exists);
  if (existing.length > 0) return { ok: false, existing };
  const outDir = options.outDir ?? INIT_DEFAULTS.outDir;
  const id = idFromFileName(registryName);
  // The default name is plural as files are; its type names one code.
  const type = options.registry === undefined ? "AppError" : typeFromId(id);
  const registry = starterRegistry(id, type, schemaReference(registryFile, cwd, "registry.schema.json"));
  const config = starterConfig(
    path.relative(cwd, registryFile).split(path.sep).join("/"),
    outDir,
    options.targets ?? INIT_DEFAULTS.targets,
    schemaReference(configFile, cwd, "config.schema.json"),
  );
  const files: string[] = [];
  for (const [file, contents] of [
    [registryFile, registry],
    [configFile, config],
  ] as const) {
    if (!(await writeNewFile(file, contents))) return { ok: false, existing: [file] };
    files.push(file);
  }
  return { ok: true, files, outDir: path.resolve(cwd, outDir) };
}
