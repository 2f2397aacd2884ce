import type { RegistryCheck } from "../model/build-model.js";
import type { Emitter, Target, TargetName } from "./types.js";

/** A target as listed: its emitter and its check are loaded on demand, so that a run that emits nothing never loads ts-morph. */
interface TargetEntry {
  readonly summary: string;
  readonly emitter: () => Promise<Emitter>;
  /** Loaded apart from the emitter: validating a registry never loads ts-morph. */
  readonly check?: () => Promise<RegistryCheck>;
}

/** The targets by name, in the order their files are listed. */
const TARGETS: Readonly<Record<TargetName, TargetEntry>> = {
  ts: {
    summary: "<id>.ts: enum, as-const object, unions, guards, lookups, describe (with emit js: <id>.js, <id>.d.ts, <id>.d.ts.map)",
    emitter: async () => (await import("./ts/module.js")).emitTypeScript,
    check: async () => (await import("./ts/check-names.js")).checkModuleBindings,
  },
  json: {
    summary: "<id>.json: the resolved registry as data",
    emitter: async () => (await import("./json/registry-json.js")).emitRegistryJson,
  },
  md: {
    summary:
      "<id>.md and <id>.<locale>.md: ranges and codes tables, one page per locale, from templates; each page's code map <id>.map[.<locale>].svg",
    emitter: async () => (await import("./markdown/page.js")).emitMarkdownPages,
  },
  i18next: {
    summary: "i18next/<locale>/<id>.json: i18next resources, namespace <id>",
    emitter: async () => (await import("./i18n/i18next-catalog.js")).emitI18nextCatalogs,
  },
  formatjs: {
    summary: "formatjs/<locale>/<id>.json: FormatJS messages { defaultMessage, description }",
    emitter: async () => (await import("./i18n/formatjs-catalog.js")).emitFormatjsCatalogs,
  },
  gettext: {
    summary: "gettext/<locale>/<id>.po and gettext/<id>.pot: gettext catalogs, keys in msgctxt",
    emitter: async () => (await import("./i18n/gettext-catalog.js")).emitGettextCatalogs,
  },
};

/** Every target, in the order their files are listed. */
export const TARGET_NAMES = Object.keys(TARGETS) as TargetName[];

/** Loads the named targets. */
export async function loadTargets(names: readonly TargetName[]): Promise<Target[]> {
  return Promise.all(
    names.map(async (name) => {
      const { summary, emitter, check } = TARGETS[name];
      const [emit, loadedCheck] = await Promise.all([emitter(), check?.()]);
      return { name, summary, emit, ...(loadedCheck === undefined ? {} : { check: loadedCheck }) };
    }),
  );
}

/** Loads the checks of the named targets (see `Target.check`), without their emitters. */
export async function loadTargetChecks(names: readonly TargetName[]): Promise<RegistryCheck[]> {
  const checks = await Promise.all(names.map((name) => TARGETS[name].check?.()));
  return checks.filter((check) => check !== undefined);
}
