import { FORMATS, supersession } from '../formats/index';
import { toSimplified } from '../formats/traditional';
import type { FormatDef, FormatId } from '../formats/types';
import type { ReadProblem } from '../report';
import type { Tok } from './tokens';
import { t as say } from '../i18n';
import { formatName, formatTitleOf } from '../i18n/format-name';

const YEAR = '((?:19|20)\\d{2})';
const TITLE = new RegExp(`${YEAR}年度?(.{0,30}?)(?:政府信息公开|政务公开|信息公开)(?:工作)?(?:年度报告|年报|年度工作报告)`);
const PERIOD = new RegExp(`统计期限[^。]{0,12}?${YEAR}年1月1日`);
const YEAR_OF_TABLE = new RegExp(`[（(]${YEAR}年度[)）]`);
const YEAR_REPORTED = new RegExp(`${YEAR}年度?政府信息公开(?:工作)?情况`);

const WHITESPACE = /[\s\u00a0\u3000]+/g;

/**
 * `text` in NFKC, worked out line by line, each line kept: the heading is read again at every keystroke in the text
 * before a report's first table, and a keystroke changes one line. Exact: a line break neither changes under NFKC
 * nor combines with what is around it.
 */
function nfkc(text: string): string {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    let out = nfkcLines.get(line);
    if (out === undefined) {
      if (nfkcLines.size >= KEPT_LINES) nfkcLines.clear();
      nfkcLines.set(line, (out = line.normalize('NFKC')));
    }
    lines[i] = out;
  }
  return lines.join('\n');
}

const nfkcLines = new Map<string, string>();
const KEPT_LINES = 4000;
const simplified = (text: string) => toSimplified(nfkc(text));

/** Whitespace-free, simplified text for title and date search. */
function compactText(text: string): string {
  return simplified(text).replace(WHITESPACE, '');
}

export interface Heading {
  year: number | null;
  body?: string;
  title?: string;
}

/** Report year and body name from the report's title, 统计期限 or other dated phrases. */
let lastHeading: { text: string; heading: Heading } | null = null;

export function detectHeading(text: string): Heading {
  if (lastHeading?.text === text) return { ...lastHeading.heading };
  const heading = findHeading(text);
  lastHeading = { text, heading };
  return { ...heading };
}

function findHeading(text: string): Heading {
  const start = simplified(text.slice(0, 4000));
  const head = start.replace(WHITESPACE, '');
  const t = TITLE.exec(head);
  const period = PERIOD.exec(head) ?? PERIOD.exec(compactText(text));
  const out: Heading = { year: null };
  if (t) {
    out.title = t[0];
    out.year = Number(t[1]);
    const before = lineBefore(start, t.index);
    const body = cleanBody(t[2]!) || (t.index < 40 ? cleanBody(before) : '');
    if (body) out.body = body;
  }
  if (period) out.year ??= Number(period[1]);
  const other = YEAR_OF_TABLE.exec(head) ?? YEAR_REPORTED.exec(head);
  if (other) out.year ??= Number(other[1]);
  if (out.year === null) out.year = mostFrequentYear(head);
  if (!out.body) {
    const unit = /(?:填报单位|单位名称)(?:[（(]盖章[)）])?[:：]([^|｜\n]{2,30}?)(?:\||$|单位负责人)/.exec(nfkc(text));
    if (unit) out.body = unit[1]!.trim();
  }
  return out;
}

const LINE = '\n';
const SENTENCE_END = /[。！？；!?;]/;

/**
 * Up to 30 characters right before compact position `at` of the `simplified` text, from the same line and
 * sentence only (a window title or the line above is not part of the body's name). When the year opens its
 * line, the whole line above (a title in two lines: body, then 「2023年…报告」).
 */
function lineBefore(text: string, at: number): string {
  const lined = text.replace(/[^\S\n]*\n[\s\u00a0\u3000]*/g, LINE).replace(/[^\S\n]+/g, '');
  let p = 0;
  for (let n = 0; p < lined.length && n < at; p++) if (lined[p] !== LINE) n++;
  const segs = lined.slice(Math.max(0, p - 60), p).split(LINE);
  const same = segs[segs.length - 1]!.split(SENTENCE_END).pop()!.slice(-30);
  if (same || segs.length < 2) return same;
  const above = segs[segs.length - 2]!;
  return above.length <= 30 && !SENTENCE_END.test(above) ? above : '';
}

function cleanBody(s: string): string {
  const b = s.replace(/^[:：,，。.、]+/, '').replace(/(?:关于|的)$/, '');
  return /^(?:_+|（单位名称）_*)$/.test(b) || b.length < 2 ? '' : b;
}

function mostFrequentYear(head: string): number | null {
  const counts = new Map<number, number>();
  for (const m of head.matchAll(new RegExp(`${YEAR}年`, 'g'))) {
    const y = Number(m[1]);
    counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  let best: number | null = null;
  let n = 0;
  for (const [y, c] of counts) if (c > n || (c === n && best !== null && y > best)) [best, n] = [y, c];
  return best;
}

const APPLY_STEMS = [/本年新收/, /上年结转/, /予以公开/, /部分公开/, /结转下一?年度/, /本机关不掌握/];

/** Format by fingerprint labels of the tables; the year decides between gov2019 and gov2021 when section 二 is missing. */
export function detectFormat(labels: readonly Tok[], year: number | null): FormatId | null {
  const score = new Map<FormatId, number>();
  let apply = 0;
  for (const t of labels) {
    const n = t.norm;
    if (!n || n.length > 80) continue;
    for (const f of Object.values(FORMATS) as FormatDef[])
      for (const fp of f.fingerprints) if (fp.test(n)) score.set(f.id, (score.get(f.id) ?? 0) + 1);
    if (APPLY_STEMS.some((s) => s.test(n))) apply++;
  }
  let best: FormatId | null = null;
  let n = 0;
  for (const [id, s] of score) if (s > n) [best, n] = [id, s];
  if (best) return best;
  if (apply >= 1) return applyFormatOf(year);
  return null;
}

/** Without section 二, the formats that share section 三 are told apart by the report year (the latest when unknown). */
function applyFormatOf(year: number | null): FormatId {
  const shared = (Object.values(FORMATS) as FormatDef[]).filter((f) => f.sections.some((s) => s.key === '三')).sort((a, b) => a.years.from - b.years.from);
  const last = shared[shared.length - 1]!;
  if (year === null) return last.id;
  return (shared.find((f) => f.years.from <= year && year <= f.years.to) ?? (year < last.years.from ? shared[0]! : last)).id;
}

/** P-FORMAT as the reader sees it (decided by the format's own facts), or a year before the format existed. */
export function formatYearProblem(format: FormatId | null, year: number | null): ReadProblem | null {
  if (!format || year === null) return null;
  const superseded = supersession(format, year);
  const f = FORMATS[format];
  if (superseded) {
    const words = { year, format: formatTitleOf(f), current: formatTitleOf(superseded.current) };
    return { code: 'P-FORMAT', message: say(superseded.severity === 'error' ? 'rule.formatRetired' : 'rule.formatLocalKept', words) };
  }
  if (year < f.years.from) return { code: 'format-year', message: say('read.formatYear', { year, format: formatName(format), from: f.years.from }) };
  return null;
}
