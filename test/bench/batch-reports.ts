/**
 * Synthetic reports for the batch benchmark and e2e, in the real markup styles: the e2e backend's
 * report page (CMS HTML), Word tables as Word writes them, and that HTML printed by Chromium.
 */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import type { Values } from '@/lib/report';
import { CELL_ORDER, reportDocx } from '../fixtures/read/docx-report.mts';
import { consistentReport, seeded, withTypo, APPLY_CELLS } from '../locate/generate';

const PAGE = readFileSync(new URL('../e2e/pages/report/gov2021-2023.html', import.meta.url), 'utf8');
const IDS = CELL_ORDER;
const BODY = '滨江区人民政府办公室';

export interface Synthetic {
  body: string;
  year: number;
  values: Values;
  /** The cell given a typo, when the report has one. */
  typo?: string;
}

const PLACES = ['示例县', '东湖区', '西山县', '南江市'];
const OFFICES = ['财政局', '教育局', '人力资源和社会保障局', '发展和改革局', '卫生健康委员会', '住房和城乡建设局', '交通运输局', '农业农村局', '市场监督管理局', '统计局', '人民政府办公室'];

/** The n-th body: offices of four places, then towns. */
export function bodyName(n: number): string {
  const place = PLACES[n % PLACES.length]!;
  const k = Math.floor(n / PLACES.length);
  return k < OFFICES.length ? place + OFFICES[k] : `${place}第${k - OFFICES.length + 1}镇人民政府`;
}

/** A consistent report of the body, with one typo in 表三 when `typo` (seeded, so the same every run). */
export function synthetic(n: number, year: number, typo: boolean): Synthetic {
  const r = seeded(1000 + n * 31 + year);
  let input = consistentReport(r, year);
  const out: Synthetic = { body: bodyName(n), year, values: input.values };
  if (typo) {
    const cell = APPLY_CELLS[Math.floor(r() * APPLY_CELLS.length)]!;
    input = withTypo(r, input, cell).input;
    out.values = input.values;
    out.typo = cell;
  }
  return out;
}

const opening = (s: Synthetic) =>
  `${s.year}年，本机关共收到政府信息公开申请${s.values['apply.new.total']}件，上年结转${s.values['apply.carried.total']}件，结转下年度继续办理${s.values['apply.carryForward.total']}件。`;

/** The report as the CMS page holds it (the e2e backend's report, its figures replaced). */
export function reportHtml(s: Synthetic): string {
  const { document } = parseHTML(`<!doctype html><html><body>${PAGE}</body></html>`);
  let k = 0;
  for (const td of document.querySelectorAll('td')) {
    if (!/^\d+(\.\d+)?$/.test(td.textContent.trim())) continue;
    const v = s.values[IDS[k++]!];
    td.textContent = v === null || v === undefined ? '' : String(v);
  }
  for (const p of document.querySelectorAll('p')) if (/^\d{4}年，本机关共收到/.test(p.textContent)) p.textContent = opening(s);
  return `<!doctype html><html><head><meta charset="utf-8"><title>${s.body}${s.year}年政府信息公开工作年度报告</title></head><body>${document.body.innerHTML
    .replaceAll(BODY, s.body)
    .replace(/2023年/g, `${s.year}年`)}</body></html>`;
}

export function reportWord(s: Synthetic): Promise<Uint8Array> {
  return reportDocx(`${s.body}${s.year}年政府信息公开工作年度报告`, s.year, s.values, opening(s));
}
