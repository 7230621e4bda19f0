/**
 * Bytes → text for files and fetched pages. Government sites and Excel-saved CSVs are often GBK:
 * the declared charset wins (HTTP header, then <meta>), then a BOM, then strict UTF-8, then GB18030.
 */

const ALIASES: Record<string, string> = { gb2312: 'gb18030', gbk: 'gb18030', 'x-gbk': 'gb18030', utf8: 'utf-8' };

function decoderFor(label: string | undefined): TextDecoder | null {
  if (!label) return null;
  const name = label.trim().toLowerCase();
  try {
    return new TextDecoder(ALIASES[name] ?? name);
  } catch {
    return null;
  }
}

function declaredInMeta(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  return /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1];
}

/** With a declared charset use it; otherwise UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030. */
export function decodeText(bytes: Uint8Array, declared?: string): string {
  const explicit = decoderFor(declared);
  if (explicit) return explicit.decode(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

export function decodeHtml(bytes: Uint8Array, contentType?: string | null): string {
  const header = contentType ? /charset\s*=\s*["']?([\w-]+)/i.exec(contentType)?.[1] : undefined;
  return decodeText(bytes, header ?? declaredInMeta(bytes));
}
