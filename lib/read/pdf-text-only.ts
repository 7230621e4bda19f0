/**
 * pdf.js's worker code made for reading text only. pdf.js decompresses, parses and sanitises every
 * embedded font program and, with no FontFace to hand it to, turns each glyph into a path: more than
 * half the time of reading a printed report. The text needs none of it where the font maps its codes
 * to text itself (a ToUnicode map) and is composite or TrueType: its widths and metrics are in the
 * PDF's own dictionaries. There the program is left unread. Type 1 and CFF simple fonts keep theirs:
 * their built-in encoding and ligatures can decide the text.
 *
 * Applied at build time to the extension's reading worker (wxt.config.ts) and at run time in Node
 * (./pdf.ts). Each edit must match the installed pdf.js exactly once, or this throws: a new pdf.js
 * fails the build and test/read/pdf-text-only.test.ts instead of silently reading differently.
 */

/** pdf.js's own text at each place and what it becomes. */
export const TEXT_ONLY_EDITS: readonly (readonly [string, string])[] = [
  [
    'let fontFile, subtype, length1, length2, length3;',
    'const textOnly = toUnicode instanceof BaseStream && (composite || type === "TrueType");\n    let fontFile, subtype, length1, length2, length3;',
  ],
  [
    'fontFile = descriptor.get("FontFile", "FontFile2", "FontFile3");',
    'fontFile = textOnly ? null : descriptor.get("FontFile", "FontFile2", "FontFile3");',
  ],
  // a program left unread is not a missing one: no standard font stands in for it
  ['} else if (!isType3Font) {', '} else if (!isType3Font && !textOnly) {'],
  // Node (the command line): its zlib inflates directly; the way through web streams costs more than inflating
  [
    'const bytes = this.stream.isAsync ? await this.stream.asyncGetBytes() : this.stream.getBytes();\n    try {',
    'const bytes = this.stream.isAsync ? await this.stream.asyncGetBytes() : this.stream.getBytes();\n    try {\n      const zlib = name === "deflate" && globalThis.process?.getBuiltinModule?.("node:zlib");\n      if (zlib) {\n        return { decompressed: new Uint8Array(zlib.inflateSync(bytes)), compressed: bytes };\n      }',
  ],
];

/** Marks the edited worker code, so a reader can tell which code it runs. */
export const TEXT_ONLY_MARK = 'export const textOnly = true;';

export function textOnlyWorker(source: string): string {
  let out = source;
  for (const [from, to] of TEXT_ONLY_EDITS) {
    const n = out.split(from).length - 1;
    if (n !== 1) throw new Error(`pdf.js has changed: "${from}" occurs ${n} times in its worker code (lib/read/pdf-text-only.ts expects once)`);
    out = out.replace(from, () => to);
  }
  return `${out}\n${TEXT_ONLY_MARK}\n`;
}
