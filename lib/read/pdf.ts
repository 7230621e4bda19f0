/**
 * PDF → text in reading order through Mozilla's pdf.js: the page's text items and the table
 * borders it draws are laid out by ./pdf-layout (table rows as `| … |` lines, blank cells kept).
 */
import { NUMERIC } from './pdf-columns';
import { type Item, type Rule, pageText } from './pdf-layout';
import { textOnlyWorker } from './pdf-text-only';

async function loadPdfjs() {
  // the legacy build runs in Node and in older browsers alike
  return import('pdfjs-dist/legacy/build/pdf.mjs');
}

/** Pages read at most: an annual report has far fewer, and a huge PDF must not keep the page busy. */
export const MAX_PDF_PAGES = 60;

type Pdfjs = Awaited<ReturnType<typeof loadPdfjs>>;
let shared: { pdfjs: Pdfjs; worker: InstanceType<Pdfjs['PDFWorker']> } | null = null;

/** One pdf.js worker for every file read (starting one per file costs more than reading a short report). */
async function loader() {
  if (!shared || shared.worker.destroyed) {
    const natives = keepNatives();
    try {
      await textOnlyInNode();
      const pdfjs = await loadPdfjs();
      const worker = new pdfjs.PDFWorker({ verbosity: 0 });
      // where there is no Web Worker (Node) the worker's module is imported into this thread
      await worker.promise;
      shared = { pdfjs, worker };
    } finally {
      natives.restore();
    }
  }
  return shared;
}

type NodeProcess = { getBuiltinModule?: (id: string) => any };

/**
 * pdf.js runs its worker code in this thread where there is no Web Worker (Node): give it the code
 * that leaves font programs unread (./pdf-text-only). The extension's reading worker is given that
 * code by the build (wxt.config.ts) and sets it up itself. Should pdf.js no longer take the edits,
 * its own code reads, only slower (the test of ./pdf-text-only fails).
 */
async function textOnlyInNode(): Promise<void> {
  const g = globalThis as { pdfjsWorker?: unknown; process?: NodeProcess };
  const node = g.process?.getBuiltinModule;
  if (g.pdfjsWorker || typeof node !== 'function') return;
  let source: string;
  try {
    const file = node('node:module').createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.worker.mjs');
    source = textOnlyWorker(node('node:fs').readFileSync(file, 'utf8'));
  } catch {
    return;
  }
  const url = `data:text/javascript;base64,${node('node:buffer').Buffer.from(source).toString('base64')}`;
  g.pdfjsWorker = await import(/* @vite-ignore */ url);
}

/**
 * The legacy build's core-js replaces built-ins this engine already has right with slower script
 * versions, for every caller in the thread: Array.prototype.push (an edge case of non-writable
 * lengths) and JSON.parse/stringify (proposals pdf.js never uses). Put the engine's own back.
 */
function keepNatives(): { restore(): void } {
  const kept: [object, string, PropertyDescriptor][] = [];
  for (const [owner, key] of [[Array.prototype, 'push'], [JSON, 'parse'], [JSON, 'stringify']] as const) {
    const d = Object.getOwnPropertyDescriptor(owner, key);
    if (d) kept.push([owner, key, d]);
  }
  return {
    restore() {
      for (const [owner, key, d] of kept) Object.defineProperty(owner, key, d);
    },
  };
}

/** An open PDF whose text can be laid out without the drawing (cheap) or with its table borders. */
export interface OpenPdf {
  text(ruled: boolean): Promise<string>;
  close(): Promise<void>;
}

export async function openPdf(bytes: Uint8Array): Promise<OpenPdf> {
  const { pdfjs, worker } = await loader();
  const doc = await pdfjs.getDocument({
    data: bytes.slice(),
    worker,
    useSystemFonts: false,
    isEvalSupported: false,
    disableFontFace: true,
    // images are never text nor borders: not decoded when the drawing is read
    maxImageSize: 0,
    verbosity: 0,
  }).promise;
  const pages: { items: Item[]; numbers: boolean; rules?: Rule[] }[] = [];
  const page = async (p: number) => {
    if (pages[p]) return pages[p];
    const pg = await doc.getPage(p);
    const content = await pg.getTextContent();
    const items: Item[] = [];
    for (const it of content.items) {
      if (!('str' in it)) continue;
      const t = it.transform as number[];
      items.push({ str: it.str, x: t[4]!, y: t[5]!, w: it.width, h: Math.abs(t[3]!) || it.height || 10 });
    }
    // borders matter only around numbers; reading the drawing of a page of prose costs time
    const numbers = items.some((it, k) => NUMERIC.test(it.str.trim()) && apart(items[k - 1], it) && apart(it, items[k + 1]));
    return (pages[p] = { items, numbers });
  };
  return {
    async text(ruled) {
      const out: string[] = [];
      const carry = { cols: null };
      for (let p = 1; p <= Math.min(doc.numPages, MAX_PDF_PAGES); p++) {
        const pg = await page(p);
        if (ruled && pg.numbers && !pg.rules) {
          const handle = await doc.getPage(p);
          pg.rules = ruledLinesOf(await handle.getOperatorList(), pdfjs.OPS);
        }
        out.push(pageText(pg.items, ruled ? (pg.rules ?? []) : [], carry));
      }
      return out.join('\n');
    },
    close: () => doc.destroy(),
  };
}

export async function pdfToText(bytes: Uint8Array): Promise<string> {
  const pdf = await openPdf(bytes);
  try {
    return await pdf.text(true);
  } finally {
    await pdf.close();
  }
}

/** Two items in content order that are not glued together on one line (`（1）`, `2023年`). */
function apart(a: Item | undefined, b: Item | undefined): boolean {
  if (!a || !b || Math.abs(a.y - b.y) > 1) return true;
  return Math.abs(b.x - (a.x + a.w)) > Math.min(a.h, b.h) * 0.25;
}

type Matrix = [number, number, number, number, number, number];

const mul = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];

/** Longest side / thickness of a drawn box that counts as a border line, in points. */
const THIN = 3;

/**
 * Table borders drawn on a page: painted paths whose bounding box is a thin line (filled bars,
 * stroked lines), and the sides of stroked rectangles. Coordinates in page space, as the text's.
 */
export function ruledLinesOf(ops: { fnArray: number[]; argsArray: unknown[] }, OPS: Record<string, number>): Rule[] {
  const rules: Rule[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  const paint = new Set([OPS.stroke, OPS.closeStroke, OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const strokes = new Set([OPS.stroke, OPS.closeStroke]);
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[] | null;
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = mul(ctm, args as Matrix);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      if (Array.isArray(args?.[0])) ctm = mul(ctm, args[0] as Matrix);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.constructPath && args && paint.has(args[0] as number)) {
      const box = args[2] as ArrayLike<number> | null;
      if (!box || box.length < 4) continue;
      const pts = [
        [box[0]!, box[1]!],
        [box[2]!, box[3]!],
      ].map(([x, y]) => [ctm[0] * x! + ctm[2] * y! + ctm[4], ctm[1] * x! + ctm[3] * y! + ctm[5]] as const);
      const x0 = Math.min(pts[0]![0], pts[1]![0]);
      const x1 = Math.max(pts[0]![0], pts[1]![0]);
      const y0 = Math.min(pts[0]![1], pts[1]![1]);
      const y1 = Math.max(pts[0]![1], pts[1]![1]);
      const w = x1 - x0;
      const h = y1 - y0;
      if (w <= THIN && h > THIN * 2) rules.push({ dir: 'v', at: (x0 + x1) / 2, a: y0, b: y1 });
      else if (h <= THIN && w > THIN * 2) rules.push({ dir: 'h', at: (y0 + y1) / 2, a: x0, b: x1 });
      else if (strokes.has(args[0] as number) && w > THIN && h > THIN) {
        rules.push({ dir: 'h', at: y0, a: x0, b: x1 }, { dir: 'h', at: y1, a: x0, b: x1 });
        rules.push({ dir: 'v', at: x0, a: y0, b: y1 }, { dir: 'v', at: x1, a: y0, b: y1 });
      }
    }
  }
  return rules;
}
