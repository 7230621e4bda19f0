/**
 * The PDF reader runs pdf.js's worker code with font programs left unread (lib/read/pdf-text-only.ts).
 * That must give exactly the text items and drawn borders pdf.js's own code gives, on every PDF we have.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEXT_ONLY_EDITS, textOnlyWorker } from '@/lib/read/pdf-text-only';
import { pdfToText, ruledLinesOf } from '@/lib/read/pdf';
import { HAVE_SHARED, sharedPath } from '../shared-dir.mjs';

const workerFile = createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.worker.mjs');
const pdfsIn = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? pdfsIn(join(dir, e.name)) : e.name.endsWith('.pdf') ? [join(dir, e.name)] : []));
const PDFS = [
  ...pdfsIn(resolve(__dirname, '../fixtures')),
  ...(HAVE_SHARED ? ['corpus', 'seeds'].flatMap((d) => pdfsIn(sharedPath(d))) : []),
];

/** Both ends of a channel in this thread, as pdf.js's own fake worker has (structured clone, async delivery). */
function channel() {
  type End = { listeners: Set<(e: { data: unknown }) => void>; peer?: End } & Record<string, unknown>;
  const end = (): End => {
    const me: End = {
      listeners: new Set(),
      postMessage(data: unknown, transfer?: Transferable[]) {
        const event = { data: structuredClone(data, transfer ? { transfer } : undefined) };
        void Promise.resolve().then(() => me.peer!.listeners.forEach((l) => l(event)));
      },
      addEventListener: (_: string, l: (e: { data: unknown }) => void) => me.listeners.add(l),
      removeEventListener: (_: string, l: (e: { data: unknown }) => void) => me.listeners.delete(l),
      terminate() {},
    };
    return me;
  };
  const a = end();
  const b = end();
  a.peer = b;
  b.peer = a;
  return [a, b] as const;
}

type WorkerCode = { WorkerMessageHandler: { initializeFromPort(port: unknown): void } };

/** Each page's text items and drawn borders, read by the given pdf.js worker code with the reader's options. */
async function readWith(code: WorkerCode, bytes: Uint8Array) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const [main, inWorker] = channel();
  code.WorkerMessageHandler.initializeFromPort(inWorker);
  // the typings know only a null port; the constructor takes any MessagePort-like object
  const worker = new pdfjs.PDFWorker({ port: main as unknown as null });
  const doc = await pdfjs.getDocument({ data: bytes.slice(), worker, useSystemFonts: false, isEvalSupported: false, disableFontFace: true, maxImageSize: 0, verbosity: 0 }).promise;
  const pages = [];
  let unread = 0;
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const items = (await page.getTextContent()).items.map((it) => ('str' in it ? [it.str, it.transform, it.width, it.height, it.dir, it.hasEOL] : it));
    const ops = await page.getOperatorList();
    const fonts = new Set(ops.argsArray.flatMap((a, i) => (ops.fnArray[i] === pdfjs.OPS.setFont ? [(a as string[])[0]!] : [])));
    for (const id of fonts) if ((page.commonObjs.get(id) as { missingFile?: boolean }).missingFile) unread++;
    pages.push({ items, rules: ruledLinesOf(ops, pdfjs.OPS) });
  }
  await doc.destroy();
  worker.destroy();
  return { pages, unread };
}

describe('pdf.js worker code for reading text', () => {
  const source = readFileSync(workerFile, 'utf8');

  it('takes every edit on the installed pdf.js exactly once (a new pdf.js that does not fails here)', () => {
    const edited = textOnlyWorker(source);
    for (const [, to] of TEXT_ONLY_EDITS) expect(edited.split(to)).toHaveLength(2);
  });

  it('refuses worker code it was not written for, naming the place', () => {
    const changed = source.replace(TEXT_ONLY_EDITS[1]![0], 'fontFile = descriptor.get("FontFile");');
    expect(() => textOnlyWorker(changed)).toThrow(/pdf\.js has changed: "fontFile = descriptor\.get/);
  });

  it(`gives the same text items and drawn borders as pdf.js's own code on every PDF (${PDFS.length} files)`, async () => {
    // each worker code, when loaded, offers itself to pdf.js as this thread's worker: leave that as it was
    const g = globalThis as { pdfjsWorker?: unknown };
    const before = g.pdfjsWorker;
    const own = (await import('pdfjs-dist/legacy/build/pdf.worker.mjs')) as unknown as WorkerCode;
    const textOnly = (await import(/* @vite-ignore */ `data:text/javascript;base64,${Buffer.from(textOnlyWorker(source)).toString('base64')}`)) as WorkerCode;
    g.pdfjsWorker = before;
    let skipped = 0;
    for (const file of PDFS) {
      const bytes = new Uint8Array(readFileSync(file));
      const [a, b] = [await readWith(own, bytes), await readWith(textOnly, bytes)];
      expect(b.pages, file).toEqual(a.pages);
      expect(a.unread, file).toBe(0);
      skipped += b.unread;
    }
    // the printed fixtures embed a CID TrueType font with a ToUnicode map: its program is what is left unread
    expect(skipped).toBeGreaterThan(0);
  }, 120_000);

  it('is what the reader runs in Node', async () => {
    await pdfToText(new Uint8Array(readFileSync(PDFS[0]!)));
    expect((globalThis as { pdfjsWorker?: { textOnly?: boolean } }).pdfjsWorker?.textOnly).toBe(true);
  }, 60_000);
});
