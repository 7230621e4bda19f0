/**
 * `npm run bench`: what a keystroke in a value cell costs the live page's read — the whole document read again
 * (readDom + mapNarrative, as before lib/page/value-edits.ts) against that one cell read again (rereadCells), in
 * the same process on the same gov2021 report (linkedom DOM), with the ratio.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseHTML } from 'linkedom';
import { mapNarrative, readDom } from '@/lib/read/dom';
import { rereadCells } from '@/lib/read/reread';
import type { Report } from '@/lib/report';

const root = resolve(import.meta.dirname, '../..');

function median(runs: number, f: (i: number) => unknown): number {
  for (let i = 0; i < 20; i++) f(i);
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const a = performance.now();
    f(i);
    t.push(performance.now() - a);
  }
  t.sort((a, b) => a - b);
  return t[runs >> 1]!;
}

export default async function rereadBench(): Promise<void> {
  const html = readFileSync(resolve(root, 'test/fixtures/read/report-2023.html'), 'utf8');
  const doc = parseHTML(html).document as unknown as Document;
  const [report] = readDom(doc);
  const cell = report!.cells['apply.new.natural']!;
  const el = cell.loc.kind === 'table' ? cell.loc.el! : null;
  if (!el) throw new Error('no live cell');
  const text = (i: number) => (el.textContent = String(40 + (i % 50)));
  const full = median(300, (i) => {
    text(i);
    readDom(doc);
    mapNarrative(doc);
  });
  let last: Report = report!;
  const one = median(3000, (i) => {
    text(i);
    last = rereadCells(last, [el]) ?? (() => { throw new Error('the one-cell read gave up'); })();
  });
  const line = (name: string, ms: number) => console.log(`${name.padEnd(52)} median ${ms.toFixed(3).padStart(8)} ms`);
  line('keystroke in a value cell: full read (readDom + mapNarrative)', full);
  line('keystroke in a value cell: that cell read again (rereadCells)', one);
  console.log(`ratio full / one cell: ${(full / one).toFixed(0)}×`);
}
