import { DEFAULTS, INIT_DEFAULTS } from "../config/defaults.js";
import { TARGET_NAMES } from "../emit/targets.js";

/** `codebook --help`: every command and option, and the exit codes. */
export const HELP = `codebook: generate TypeScript, i18n catalogs and Markdown tables from a YAML registry of numeric codes.

Usage:
  codebook init     [REGISTRY.yaml] [--out DIR] [--targets T,...]             start a project: a starter registry and codebook.config.json
  codebook generate [REGISTRY.yaml ...] [--out DIR] [--inject FILE.md ...]   write the generated files
  codebook check    [REGISTRY.yaml ...] [--out DIR] [--inject FILE.md ...]   exit 1 when a generated file is stale, missing, hand-edited or orphaned
  codebook validate [REGISTRY.yaml ...]                                      exit 1 when the config or a registry is invalid
  codebook inputs   [REGISTRY.yaml ...] [--json]                             every input and output file of the run (for Nx, Turborepo)
  codebook i18n     [REGISTRY.yaml ...] [--strict]                           per locale: texts translated, missing and stale
  codebook i18n     [REGISTRY.yaml ...] --stamp LOCALE                       record the current source fingerprints in LOCALE's files
  codebook diff     [REGISTRY.yaml ...] --against REF|FILE.json              classify the changes since a git ref or a previous <id>.json
  codebook next     RANGE [REGISTRY.yaml ...] [--count N]                    the next free numbers of a range

With no registry, the registries of the config file (codebook.config.json, .yaml or .yml, looked for in the
working folder and the folders above it) are used; without a config, the embedded default (the WebSocket close
codes) into ${DEFAULTS.outDir}/.

Options:
  -o, --out DIR          output folder (default: ${DEFAULTS.outDir}; init: ${INIT_DEFAULTS.outDir})
      --targets T,...    the kinds of output, comma-separated (default: every target; init: ${INIT_DEFAULTS.targets.join(",")})
      --no-enums         emit an as-const object and a union type instead of an enum (erasable syntax)
      --no-code-map      Markdown pages without their SVG code map (<id>.map.svg)
      --emit FORM        ts: <id>.ts (default); js: <id>.js and <id>.d.ts
      --module FMT       with --emit js: the module format, esm (default) or cjs
      --templates DIR    Markdown templates overriding the built-in ones (page.md, page.<locale>.md,
                         locales/<locale>.yaml)
      --inject FILE.md   also regenerate (check) the tables between <!-- codebook:start ID TABLE [LOCALE] -->
                         and <!-- codebook:end ID --> in FILE.md; repeatable; works with a config file too
  -c, --config FILE      use this config file
      --no-config        ignore any config file
  -w, --watch            generate: keep running, and regenerate when an input changes
      --force            generate, check: render even when the manifests show nothing changed
      --strict           i18n: exit 1 when a text is missing or stale in any locale
      --stamp LOCALE     i18n: mark LOCALE's translations as made from the current source texts
      --against REF      diff: the git ref (HEAD, origin/main, a tag) or <id>.json to compare with
      --json             diff: print the report as JSON; inputs: { "inputs": [...], "outputs": [...] }
      --fail-on LEVEL    diff: exit 1 when the verdict is at least major, minor or patch
      --count N          next: how many free numbers to print (default 1)
  -q, --quiet            print nothing on success
  -h, --help             show this help
  -v, --version          show the version

Targets: ${TARGET_NAMES.join(", ")}.

Exit codes: 0 success, 1 invalid input, out-of-date output, a file that cannot be written, a diff verdict at
--fail-on or a version not raised enough, 2 bad usage,
130 and 143 a run ended by SIGINT and SIGTERM.`;
