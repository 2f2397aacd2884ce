import path from "node:path";
import type { Diagnostic } from "../diagnostics/index.js";
import { locate, type ParsedYaml } from "./yaml-document.js";

/** The kinds of YAML (or JSON) file codebook reads. */
export type InputKind = "registry" | "locale file" | "config";

/** The kind a file's data looks like, by the keys only that kind has; `undefined` when it looks like none. */
function kindOf(data: unknown): { kind: InputKind; key: string } | undefined {
  if (typeof data !== "object" || data === null || Array.isArray(data)) return undefined;
  const has = (key: string): boolean => Object.hasOwn(data, key);
  // A locale file has `codes` too (a map), and a registry may hold anything under an unknown key: `id` decides.
  if (!has("id") && typeof (data as { locale?: unknown }).locale === "string") return { kind: "locale file", key: "locale" };
  if (!has("id") && has("registries")) return { kind: "config", key: "registries" };
  if (has("id") || Array.isArray((data as { codes?: unknown }).codes) || has("locales"))
    return { kind: "registry", key: has("id") ? "id" : has("codes") ? "codes" : "locales" };
  return undefined;
}

function adviceFor(found: InputKind, expected: InputKind, parsed: ParsedYaml): string {
  const name = path.basename(parsed.source.path);
  if (found === "locale file") {
    const tag = String((parsed.data as { locale: string }).locale);
    const registry = name.replace(new RegExp(`\\.${tag.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(\\.ya?ml)$`), "$1");
    const translated = registry === name ? "the registry it translates" : `the registry it translates (${registry})`;
    return `this is a locale file (locale: ${tag}), not a ${expected}: pass ${translated}, and codebook reads ${name} beside it`;
  }
  if (found === "config") {
    return `this is a codebook config, not a ${expected}: pass it as --config ${parsed.source.file}, or run codebook with no registry argument in its folder`;
  }
  return `this is a registry, not a ${expected}: name it in a config's "registries" ([{ "registry": "${name}" }]), or pass it to codebook as a registry argument`;
}

/**
 * When a file given as one kind (a registry, a config) is plainly another — a locale file or a config passed as a
 * registry, a registry passed as a config — one diagnostic that says so, instead of every schema error the
 * wrong schema would give.
 */
export function describeMisplacedFile(parsed: ParsedYaml, expected: InputKind): Diagnostic | undefined {
  const found = kindOf(parsed.data);
  if (found === undefined || found.kind === expected) return undefined;
  return {
    file: parsed.source.file,
    ...locate(parsed, [found.key], "key"),
    code: "wrong-kind-of-file",
    message: adviceFor(found.kind, expected, parsed),
  };
}
