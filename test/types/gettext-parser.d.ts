// The few parts of gettext-parser the tests use (the package ships no types).
declare module "gettext-parser" {
  export interface PoMessage {
    readonly msgctxt?: string;
    readonly msgid: string;
    readonly msgstr: readonly string[];
    readonly comments?: { readonly translator?: string; readonly extracted?: string };
  }
  export interface PoData {
    readonly charset: string;
    readonly headers: Readonly<Record<string, string>>;
    readonly translations: Readonly<Record<string, Readonly<Record<string, PoMessage>>>>;
  }
  export const po: { parse(input: string | Buffer, options?: { defaultCharset?: string; validation?: boolean }): PoData };
}
