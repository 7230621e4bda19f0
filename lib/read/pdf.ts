/**
 * PDF → text in reading order through Mozilla's pdf.js: text items are grouped into lines by
 * their vertical position and ordered left to right; a wide gap between two items (a table
 * cell boundary) becomes ` | `, so table rows come out as `|`-separated lines.
 */
interface Item {
  str: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

let workerSrc: string | undefined;

/**
 * In a browser pdf.js needs the address of its worker script (in an extension page, e.g.
 * `browser.runtime.getURL('pdf.worker.min.mjs')` or Vite's `…/pdf.worker.min.mjs?url`).
 * Node needs nothing.
 */
export function setPdfWorker(url: string): void {
  workerSrc = url;
}

async function loadPdfjs() {
  // the legacy build runs in Node and in older browsers alike
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  if (workerSrc) pdfjs.GlobalWorkerOptions.workerSrc = workerSrc;
  return pdfjs;
}

export async function pdfToText(bytes: Uint8Array): Promise<string> {
  const pdfjs = await loadPdfjs();
  const doc = await pdfjs.getDocument({
    data: bytes.slice(),
    useSystemFonts: false,
    isEvalSupported: false,
    disableFontFace: true,
    verbosity: 0,
  }).promise;
  const pages: string[] = [];
  try {
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const it of content.items) {
        if (!('str' in it)) continue;
        const t = it.transform as number[];
        items.push({ str: it.str, x: t[4]!, y: t[5]!, w: it.width, h: Math.abs(t[3]!) || it.height || 10 });
      }
      pages.push(linesOf(items));
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  return pages.join('\n');
}

/** Groups items into lines (top to bottom) and joins each line's items left to right. */
export function linesOf(items: Item[]): string {
  const sorted = items.filter((i) => i.str.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Item[][] = [];
  for (const it of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line[0]!.y - it.y) <= Math.max(2, it.h * 0.4)) line.push(it);
    else lines.push([it]);
  }
  return lines
    .map((line) => {
      line.sort((a, b) => a.x - b.x);
      let out = '';
      let end = -Infinity;
      for (const it of line) {
        const gap = it.x - end;
        if (out) out += gap > it.h * 1.2 ? ' | ' : gap > it.h * 0.25 ? ' ' : '';
        out += it.str;
        end = it.x + it.w;
      }
      return out;
    })
    .join('\n');
}
