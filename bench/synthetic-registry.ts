/**
 * Deterministic synthetic registries for the scaling benchmark: N codes in 8 locales, with nested ranges, a
 * few aliases and three sets (one of them listing a tenth of the codes by name), written as YAML in the
 * style of schema/close-codes.yaml. The same size and seed always give the same text.
 */

/** The eight locales of every synthetic registry; the first is the source locale. */
export const SYNTHETIC_LOCALES = ["en", "de", "fr", "es", "ja", "zh-CN", "ru", "pt-BR"] as const;

/** Codes per declared range: the ranges grow with the registry, as they do in real ones. */
const CODES_PER_RANGE = 250;
/** The first code; codes follow with gaps of 1 to 4. */
const FIRST_CODE = 1000;

/** Words of each locale's texts; each locale writes its own script, so a bundle's strings show their locale. */
const WORDS: Readonly<Record<(typeof SYNTHETIC_LOCALES)[number], readonly string[]>> = {
  en: ["request", "server", "client", "timeout", "closed", "invalid", "retry", "limit", "frame", "policy"],
  de: ["Anfrage", "Server", "Zeitüberschreitung", "geschlossen", "ungültig", "Grenze", "Rahmen", "Richtlinie", "später", "Größe"],
  fr: ["requête", "serveur", "délai", "fermé", "invalide", "réessayer", "limite", "trame", "politique", "erreur"],
  es: ["solicitud", "servidor", "tiempo", "cerrado", "inválido", "reintentar", "límite", "trama", "política", "año"],
  ja: ["要求", "サーバー", "タイムアウト", "終了", "無効", "再試行", "制限", "フレーム", "ポリシー", "接続"],
  "zh-CN": ["请求", "服务器", "超时", "关闭", "无效", "重试", "限制", "帧", "策略", "连接"],
  ru: ["запрос", "сервер", "тайм-аут", "закрыто", "неверный", "повтор", "предел", "кадр", "политика", "ошибка"],
  "pt-BR": ["solicitação", "servidor", "tempo", "fechado", "inválido", "repetir", "limite", "quadro", "política", "conexão"],
};

const NAME_PARTS = ["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel", "India", "Juliet", "Kilo", "Lima"];

/** mulberry32: a small, fast, seeded generator (the benchmark needs repeatability, not quality). */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A short text in `locale`; the source locale's is numbered, so that the docs tell codes apart. */
function sentence(random: () => number, locale: Locale, number: number): string {
  const words = WORDS[locale];
  const word = words[Math.floor(random() * words.length)]!;
  return locale === SYNTHETIC_LOCALES[0] ? `${word} ${number}.` : `${word}.`;
}

type Locale = (typeof SYNTHETIC_LOCALES)[number];

function localeTexts(random: () => number, indent: string, number: number, locales: readonly Locale[]): string[] {
  return locales.map((locale) => `${indent}${locale}: ${sentence(random, locale, number)}`);
}

/** The codes of a registry of `size` codes: increasing, with gaps of 1 to 4 (so some codes are adjacent). */
export function syntheticCodes(size: number, seed = 1): number[] {
  const random = seededRandom(seed);
  const codes: number[] = [];
  let code = FIRST_CODE;
  for (let index = 0; index < size; index += 1) {
    codes.push(code);
    code += 1 + Math.floor(random() * 4);
  }
  return codes;
}

/** What else than its size sets a synthetic registry apart: its id and type, and its locales (the first is the source). */
export interface SyntheticOptions {
  /** @default "synthetic-codes" */
  readonly id?: string;
  /** @default "SyntheticCode" */
  readonly type?: string;
  /** @default all eight {@link SYNTHETIC_LOCALES} */
  readonly locales?: readonly Locale[];
}

/** The YAML text of a synthetic registry with `size` codes in 8 locales (or those `options` names). */
export function syntheticRegistryYaml(size: number, seed = 1, options: SyntheticOptions = {}): string {
  const locales = options.locales ?? SYNTHETIC_LOCALES;
  const textBlock = (random: () => number, indent: string, number: number) => localeTexts(random, indent, number, locales);
  const random = seededRandom(seed * 7919);
  const codes = syntheticCodes(size, seed);
  const last = codes.at(-1) ?? FIRST_CODE;
  const lines: string[] = [
    `# Synthetic registry for codebook's benchmark: ${size} codes x ${locales.length} locales (seed ${seed}).`,
    `id: ${options.id ?? "synthetic-codes"}`,
    `type: ${options.type ?? "SyntheticCode"}`,
    "title:",
    ...textBlock(random, "  ", 0),
    "description:",
    ...textBlock(random, "  ", 1),
    "unknown:",
    ...textBlock(random, "  ", 2),
    `locales: [${locales.join(", ")}]`,
    `bounds: { min: 0, max: ${last + 10_000} }`,
    "",
    "ranges:",
    "  - from: 0",
    `    to: ${last + 10_000}`,
    "    name: Everything",
    "    description:",
    ...textBlock(random, "      ", 3),
  ];
  const blocks = Math.max(1, Math.ceil(size / CODES_PER_RANGE));
  for (let block = 0; block < blocks; block += 1) {
    const from = codes[block * CODES_PER_RANGE]!;
    const to = block === blocks - 1 ? last : codes[(block + 1) * CODES_PER_RANGE]! - 1;
    lines.push(`  - from: ${from}`, `    to: ${to}`, `    name: Block${block}`, "    description:", ...textBlock(random, "      ", block));
    lines.push(`    reference: Synthetic specification §${block + 1}`);
  }
  lines.push("", "codes:");
  const names = codes.map(
    (code, index) =>
      `${NAME_PARTS[index % NAME_PARTS.length]}${NAME_PARTS[Math.floor(index / NAME_PARTS.length) % NAME_PARTS.length]}${code}`,
  );
  codes.forEach((code, index) => {
    lines.push(`  - code: ${code}`, `    name: ${names[index]}`, "    description:", ...textBlock(random, "      ", code));
    if (index % 10 === 0) lines.push(`    reference: Synthetic specification §${index}`, `    url: https://example.com/codes#${code}`);
    if (index % 50 === 0) lines.push(`    aliases: [LEGACY_${code}]`);
  });
  lines.push(
    "",
    "sets:",
    "  - name: Retryable",
    "    description:",
    ...textBlock(random, "      ", 4),
    "    label:",
    ...textBlock(random, "      ", 5),
    "    include:",
    ...names.filter((_, index) => index % 10 === 3).map((name) => `      - ${name}`),
    `      - { from: ${last + 1}, to: ${last + 100} }`,
    "  - name: Early",
    "    description:",
    ...textBlock(random, "      ", 6),
    "    include: [Block0]",
    `    exclude: [${names.slice(0, 3).join(", ")}]`,
    "  - name: Sendable",
    "    description:",
    ...textBlock(random, "      ", 7),
    `    include: [{ from: ${FIRST_CODE}, to: ${last} }]`,
    `    exclude: [${names.filter((_, index) => index % 100 === 7).join(", ")}]`,
    "",
  );
  return lines.join("\n");
}

/**
 * The YAML text of a registry with `size` ranges and `size` codes in one locale: an outer range holding
 * `size` ranges of three values each, with one code in the middle of each. It measures what grows with
 * ranges × codes (nesting, each code's innermost range), which the registries above, with a range per 250
 * codes, barely exercise.
 */
export function manyRangesRegistryYaml(size: number): string {
  const lines = [
    `# Synthetic registry for codebook's benchmark: ${size} ranges x ${size} codes.`,
    "id: many-ranges",
    "type: ManyRangesCode",
    "locales: [en]",
    "",
    "ranges:",
    `  - { from: 0, to: ${4 * size + 10}, name: Everything, description: Every code. }`,
  ];
  for (let block = 0; block < size; block += 1) {
    lines.push(`  - { from: ${4 * block + 1}, to: ${4 * block + 3}, name: Block${block}, description: Block ${block}. }`);
  }
  lines.push("", "codes:");
  for (let block = 0; block < size; block += 1) {
    lines.push(`  - { code: ${4 * block + 2}, name: Code${block}, description: Code ${block}. }`);
  }
  return `${lines.join("\n")}\n`;
}
