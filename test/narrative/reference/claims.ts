import type { FormatId } from '@/lib/formats';
import { compact, sentences } from './text';
import { findFigures, type Figure } from '@/lib/narrative/figures';
import { otherScope, otherYear } from '@/lib/narrative/scope';
import { TOPICS, type Topic } from '@/lib/narrative/topics';
import type { Values } from '@/lib/report';

/** A figure of the narrative that names table cells. Spans are into the original text. */
export interface Claim {
  value: number;
  /** The number and unit as written, e.g. 783条. */
  figure: string;
  topic: Topic;
  /** Cells whose sum the figure states. */
  cells: string[];
  /** Other sums the words may mean; the figure agrees when it equals any of them. */
  alts: string[][];
  sentence: { start: number; end: number; text: string };
  span: { start: number; end: number };
}

/** Right after the unit of a figure named by the words before it: punctuation or a function word. */
const AFTER_OK = /^(?:$|[，,。；;、：:（()）！？!?|]|均|全|已|都|并|且|其|和|及|与|另|占|，)/;

/** A figure of the text and the topic its words name, before the table's cells decide what it states. */
interface Named {
  value: number;
  figure: string;
  topic: Topic & { operands: NonNullable<Topic['operands']> };
  /** The words after the figure widen it to `topic.widen.cells`. */
  widened: boolean;
  /** Sub-rows named by their reason in the figure's phrase. */
  named: string[];
  sentence: Claim['sentence'];
  span: Claim['span'];
}

/**
 * Every figure of `text` that unambiguously names cells of `format`. Figures with other scopes,
 * other years, approximations, percentages and anything not recognised are left out.
 */
export function extractClaims(text: string, format: FormatId, year: number | null, values: Values): Claim[] {
  return namedFigures(text, format, year).map((n) => {
    let cells = n.topic.operands(values);
    let alts = n.topic.alts ?? [];
    if (n.widened) [cells, alts] = [n.topic.widen!.cells, []];
    if (n.named.length) alts = [...alts, [...n.named]];
    return { value: n.value, figure: n.figure, topic: n.topic, cells, alts, sentence: { ...n.sentence }, span: { ...n.span } };
  });
}

/**
 * The live page checks one unchanged narrative against every new value of the table: what its words say depends
 * on the text, the format and the year only, so the last few answers are kept by exactly those.
 */
const KEPT = 4;
let kept: { text: string; format: FormatId; year: number | null; named: readonly Named[] }[] = [];

function namedFigures(text: string, format: FormatId, year: number | null): readonly Named[] {
  const hit = kept.find((k) => k.text === text && k.format === format && k.year === year);
  if (hit) return hit.named;
  const named = readFigures(text, format, year);
  kept = [{ text, format, year, named }, ...kept.slice(0, KEPT - 1)];
  return named;
}

function readFigures(text: string, format: FormatId, year: number | null): Named[] {
  const topics = TOPICS[format];
  if (topics.length === 0) return [];
  const c = compact(text);
  const t = c.text;
  const out: Named[] = [];
  // Scope words reach across ；: look back to the previous 。 (or hard boundary).
  let fullStart = 0;
  for (const s of sentences(c)) {
    const sText = t.slice(s.start, s.end);
    if (s.start > 0 && /[。|]/.test(t[s.start - 1]!)) fullStart = s.start;
    let lastDoc: Topic['doc'] | null = null;
    let quoted: string | undefined;
    for (const f of findFigures(sText)) {
      // words that qualify a figure are near it: a bounded window keeps reading linear in a sentence of any length
      const lead = sText.slice(Math.max(0, f.start - LOOK_BACK), f.start);
      const after = sText.slice(f.end, f.end + LOOK_AHEAD);
      const found = match(topics, lead, after, f);
      const topic: Topic | null = found ?? docContinuation(topics, lead, after, f, lastDoc);
      if (!topic) continue;
      lastDoc = topic.doc ?? null;
      if (!topic.operands) continue;
      const before = t.slice(Math.max(fullStart, s.start + f.start - LOOK_BACK), s.start) + lead;
      if (otherScope(before, clauseOf(lead)) || otherYear(before, year) !== null) continue;
      if (isWhole(topic) && (/其中/.test(before) || isPart(clauseOf(lead), sText.slice(f.end, f.end + LOOK_BACK), topic))) continue;
      const phrase = afterLast(lead, ['，', ',', '；', ';']);
      const named = /等/.test(phrase) ? [] : (topic.reasons ?? []).filter(([re]) => re.test(phrase)).map(([, id]) => id);
      const value = topic.amount && f.unit === '元' ? f.value / 10000 : f.value;
      const start = c.pos[s.start]!;
      const endPos = c.pos[s.end - 1]! + 1;
      out.push({
        value,
        figure: f.text,
        topic: topic as Named['topic'],
        widened: !!topic.widen?.after.test(after),
        named,
        sentence: { start, end: endPos, text: (quoted ??= text.slice(start, endPos).replace(/\s+/g, '')) },
        span: { start: c.pos[f.start + s.start]!, end: c.pos[f.end - 1 + s.start]! + 1 },
      });
    }
  }
  return out;
}

/** Words that make a figure a part of what its words name: 新增现行有效…, 另有…申请. */
const PART_OF_CLAUSE = /动态更新|新增|另有|另外|此外|还有/;
/** A clause after the figure that adds to it: 现行有效393件，动态更新本年度制发77件 (393 + 77 in force). */
const ADDED_AFTER = /^[^。|]*?[，,；;、](?:并|同时)?(?:动态更新|新增|另有|另外|此外|还有|加上)/;

/** A figure that states a whole (a total, the documents in force), which a part must not be compared with. */
function isWhole(topic: Topic): boolean {
  return !!topic.total || topic.doc?.col === 'inForce';
}

/** The figure is only a part of its whole: its clause says so, or (documents in force) a clause after it adds the rest. */
function isPart(clause: string, rest: string, topic: Topic): boolean {
  return PART_OF_CLAUSE.test(clause) || (topic.doc?.col === 'inForce' && ADDED_AFTER.test(rest));
}

/** How far before and after a figure its scope words and qualifiers are looked for. */
const LOOK_BACK = 400;
const LOOK_AHEAD = 60;

/** Keyword, qualifier and filler words before a number never exceed this many characters. */
const LEAD_WINDOW = 40;

function match(topics: readonly Topic[], fullLead: string, after: string, f: Figure): Topic | null {
  const lead = fullLead.slice(-LEAD_WINDOW);
  for (const topic of topics) {
    if (!topic.lead.test(lead)) continue;
    if (!topic.units.includes(f.unit) || !AFTER_OK.test(after)) return null;
    if (topic.context && !topic.context.test(fullLead)) return null;
    return topic;
  }
  return topics.find((t) => t.tail?.lead.test(lead) && t.tail.after.test(after) && t.units.includes(f.unit)) ?? null;
}

/** 主动公开规章13件，行政规范性文件60件 / 制发规章2件，废止1件: a list item reuses the previous document cell's column or row. */
function docContinuation(topics: readonly Topic[], lead: string, after: string, f: Figure, last: Topic['doc'] | null): Topic | null {
  if (!last || !AFTER_OK.test(after)) return null;
  const clause = clauseOf(lead);
  const topic = topics.find(
    ({ doc }) => doc && ((doc.col === last.col && doc.rowItem.test(clause)) || (doc.row === last.row && doc.colItem.test(clause))),
  );
  return topic && topic.units.includes(f.unit) ? topic : null;
}

function afterLast(s: string, marks: readonly string[]): string {
  return s.slice(Math.max(...marks.map((m) => s.lastIndexOf(m))) + 1);
}

/** The text of the figure's own clause: after the last ，、；. */
function clauseOf(lead: string): string {
  return afterLast(lead, ['，', ',', '、', '；', ';']);
}
