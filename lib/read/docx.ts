/** .docx → HTML through mammoth (tables keep their rowspan/colspan), then the HTML path. */
export async function docxToHtml(bytes: Uint8Array): Promise<string> {
  const mod = (await import('mammoth')) as unknown as { default?: Mammoth; convertToHtml?: Mammoth['convertToHtml'] };
  const mammoth: Mammoth = mod.default ?? (mod as Mammoth);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const input: Record<string, unknown> = { arrayBuffer: buffer };
  // Node's mammoth reads `buffer`, the browser build `arrayBuffer`
  if (typeof globalThis.Buffer !== 'undefined') input.buffer = globalThis.Buffer.from(bytes);
  const result = await mammoth.convertToHtml(input);
  return result.value;
}

interface Mammoth {
  convertToHtml(input: Record<string, unknown>): Promise<{ value: string }>;
}
