/** A small valid registry, in YAML, with one locale: enough for the pipeline, fast to generate. */
export function demoRegistry(options: { readonly id?: string; readonly extra?: string } = {}): string {
  return `id: ${options.id ?? "demo"}
type: Demo
title: Demo codes
locales: [en]
ranges:
  - { from: 1, to: 99, name: Low, description: The low codes. }
codes:
  - code: 1
    name: One
    description: The first code.
  - code: 2
    name: Two
    description: The second code.
${options.extra ?? ""}`;
}
