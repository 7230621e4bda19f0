/**
 * `npm run bench:batch`: 500 synthetic reports (HTML as CMS pages hold it, .docx as Word writes it,
 * PDF printed by Chromium; some with a typo, a few broken) audited by `check --batch`; prints the
 * wall time, reports per second, and per PDF our reading against poppler's `pdftotext -layout`
 * measured in the same run. Targets: 500 reports < 60 s; PDF ≤ 3× pdftotext.
 * Printed PDFs are kept in the system's temp folder and reused by later runs.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { pdfToText } from '@/lib/read/pdf';
import { readFile } from '@/lib/read/file';
import { reportHtml, reportWord, synthetic } from './batch-reports';

const N = Number(process.env.BATCH_N ?? 500);
const PDFS = 40;
const root = resolve(fileURLToPath(import.meta.url), '../../..');
const dir = mkdtempSync(join(tmpdir(), 'nb-bench-batch-'));
const cache = join(tmpdir(), 'nianbao-bench-pdf-v1');

async function printPdfs(): Promise<string[]> {
  const files = Array.from({ length: PDFS }, (_, k) => join(cache, `pdf-${k}.pdf`));
  if (files.every((f) => existsSync(f))) return files;
  mkdirSync(cache, { recursive: true });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  try {
    const page = await browser.newPage();
    for (let k = 0; k < PDFS; k++) {
      await page.setContent(reportHtml(synthetic(400 + k, 2023, k % 5 === 2)));
      writeFileSync(files[k]!, await page.pdf());
    }
  } finally {
    await browser.close();
  }
  return files;
}

const pdfs = await printPdfs();
let typos = 0;
let broken = 0;
const kinds = { html: 0, docx: 0, pdf: 0 };
for (let i = 0; i < N; i++) {
  const name = String(i).padStart(3, '0');
  if (i % 50 === 49) {
    broken++;
    writeFileSync(join(dir, `${name}-broken.${i % 100 === 49 ? 'pdf' : 'docx'}`), 'not a report');
    continue;
  }
  const kind = i % 10 < 5 ? 'html' : i % 10 < 8 ? 'docx' : 'pdf';
  kinds[kind]++;
  if (kind === 'pdf') {
    const k = Math.floor(i / 10) % PDFS;
    if (k % 5 === 2) typos++;
    writeFileSync(join(dir, `${name}.pdf`), readFileSync(pdfs[k]!));
    continue;
  }
  const s = synthetic(i, 2023, i % 7 === 3);
  if (s.typo) typos++;
  if (kind === 'html') writeFileSync(join(dir, `${name}.html`), reportHtml(s));
  else writeFileSync(join(dir, `${name}.docx`), await reportWord(s));
}

let cpu = 0;
const t0 = performance.now();
const out = await new Promise<string>((done, fail) => {
  // bash's `times` gives the command line's CPU time (all its threads), which the neighbours' load does not inflate
  const cmd = `"$1" entrypoints/cli.ts --batch "$2" --json; times >&2`;
  const child = spawn('bash', ['-c', cmd, 'bash', join(root, 'node_modules/.bin/tsx'), dir], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const chunks: Buffer[] = [];
  const errs: Buffer[] = [];
  child.stdout.on('data', (c: Buffer) => chunks.push(c));
  child.stderr.on('data', (c: Buffer) => errs.push(c));
  child.on('error', fail);
  child.on('close', () => {
    const lines = Buffer.concat(errs).toString('utf8').trim().split('\n');
    cpu = [...(lines.at(-1) ?? '').matchAll(/(\d+)m([\d.]+)s/g)].reduce((s, m) => s + Number(m[1]) * 60 + Number(m[2]), 0);
    done(Buffer.concat(chunks).toString('utf8'));
  });
});
const wall = (performance.now() - t0) / 1000;
const { rows, summary } = JSON.parse(out) as { rows: { state: string }[]; summary: { byState: Record<string, number> } };

console.log(`reports: ${rows.length} (HTML ${kinds.html}, .docx ${kinds.docx}, PDF ${kinds.pdf}, broken ${broken}; ${typos} with a typo)`);
console.log(`states: 红 ${summary.byState.red}  黄 ${summary.byState.yellow}  绿 ${summary.byState.green}  灰 ${summary.byState.grey}`);
console.log(`check --batch wall time: ${wall.toFixed(1)} s  (${(rows.length / wall).toFixed(1)} reports/s; target < 60 s)`);
console.log(`check --batch CPU time (user + system, all threads): ${cpu.toFixed(1)} s, i.e. ≥ ${(cpu / availableParallelism()).toFixed(1)} s of wall time on ${availableParallelism()} idle cores`);

// PDF: our reading against pdftotext -layout, file by file, in this one process
const ms = (f: () => unknown) => {
  const t = performance.now();
  f();
  return performance.now() - t;
};
const msAsync = async (f: () => Promise<unknown>) => {
  const t = performance.now();
  await f();
  return performance.now() - t;
};
// our CPU time too: on a loaded machine wall times swing with the neighbours, CPU time much less
const cpuMs = async (f: () => Promise<unknown>) => {
  const c = process.cpuUsage();
  await f();
  const d = process.cpuUsage(c);
  return (d.user + d.system) / 1000;
};
await readFile(new Uint8Array(readFileSync(pdfs[0]!)), 'x.pdf'); // load pdf.js once
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
// pdftotext's own CPU time: bash's `times` (second line: its children's user and system time)
const popplerCpuMs = (f: string) => {
  const out = execFileSync('bash', ['-c', 'pdftotext -layout "$1" /dev/null; times', 'bash', f], { encoding: 'utf8' });
  const line = out.trim().split('\n').at(-1) ?? '';
  return [...line.matchAll(/(\d+)m([\d.]+)s/g)].reduce((s, m) => s + Number(m[1]) * 60_000 + Number(m[2]) * 1000, 0);
};
const per = { reading: [] as number[], ruled: [] as number[], readingCpu: [] as number[], wall: [] as number[], cpuRatio: [] as number[], popplerCpu: [] as number[] };
for (const f of pdfs) {
  const bytes = new Uint8Array(readFileSync(f));
  const poppler = ms(() => execFileSync('pdftotext', ['-layout', f, '-']));
  const reading = await msAsync(() => readFile(bytes, 'x.pdf'));
  const ruled = await msAsync(() => pdfToText(bytes));
  per.reading.push(reading / poppler);
  per.ruled.push(ruled / poppler);
  per.wall.push(poppler);
  const ours = await cpuMs(() => readFile(bytes, 'x.pdf'));
  const theirs = popplerCpuMs(f);
  per.readingCpu.push(ours);
  per.popplerCpu.push(theirs);
  per.cpuRatio.push(ours / Math.max(theirs, 1));
}
console.log(`PDF (${pdfs.length} files, per file): pdftotext -layout median ${med(per.wall).toFixed(0)} ms wall; our reading median ${med(per.readingCpu).toFixed(0)} ms CPU`);
console.log(`PDF ratio, our whole reading (as check --batch reads) / pdftotext: wall median ${med(per.reading).toFixed(2)}×, worst ${Math.max(...per.reading).toFixed(2)}× (target ≤ 3×)`);
console.log(`PDF ratio, text with the drawn borders (pdfToText) / pdftotext: wall median ${med(per.ruled).toFixed(2)}×`);
console.log(`PDF ratio in CPU time (less swayed by a busy machine): our reading median ${med(per.readingCpu).toFixed(0)} ms / pdftotext median ${med(per.popplerCpu).toFixed(0)} ms: per file median ${med(per.cpuRatio).toFixed(2)}×`);
// where the command line's CPU goes: reading one report of each kind, CPU per file (median of a sample)
const perKind: Record<string, number[]> = { html: [], docx: [], pdf: [] };
for (const f of readdirSync(dir).filter((n) => !n.includes('broken'))) {
  const kind = f.split('.').pop()!;
  if (!perKind[kind] || perKind[kind].length >= 20) continue;
  const bytes = new Uint8Array(readFileSync(join(dir, f)));
  perKind[kind].push(await cpuMs(() => readFile(bytes, f)));
}
console.log(`CPU per file by kind (median of ${perKind.html!.length}/${perKind.docx!.length}/${perKind.pdf!.length}): HTML ${med(perKind.html!).toFixed(0)} ms, .docx ${med(perKind.docx!).toFixed(0)} ms, PDF ${med(perKind.pdf!).toFixed(0)} ms`);
rmSync(dir, { recursive: true, force: true });
