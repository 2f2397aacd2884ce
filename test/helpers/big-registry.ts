/** A registry big enough that rendering and writing it take a while: `version` changes every text. */
export function bigRegistry(version: string, codes = 600): string {
  const lines = [
    "id: big",
    "type: Big",
    "title:",
    `  en: Big ${version}`,
    `  de: Groß ${version}`,
    `  fr: Grand ${version}`,
    "locales: [en, de, fr]",
    "codes:",
  ];
  for (let index = 0; index < codes; index += 1) {
    lines.push(
      `  - code: ${index * 2}`,
      `    name: Code${index}`,
      "    description:",
      `      en: "${version} ${index}: ${"lorem ipsum dolor sit amet ".repeat(4)}"`,
      `      de: "${version} ${index}: ${"und so weiter ".repeat(6)}"`,
      `      fr: "${version} ${index}: ${"et ainsi de suite ".repeat(5)}"`,
    );
  }
  return `${lines.join("\n")}\n`;
}
