import { findFigures, type Figure } from './figures';
import { otherScope, otherYear } from './scope';
import type { Topic } from './topics';

/**
 * A figure of one sentence and the topic its words name, before the table's cells decide what it states.
 * Offsets are into the sentence's compact text.
 */
export interface Reading {
  value: number;
  figure: string;
  topic: Topic & { operands: NonNullable<Topic['operands']> };
  /** The words after the figure widen it to `topic.widen.cells`. */
  widened: boolean;
  /** Sub-rows named by their reason in the figure's phrase. */
  named: string[];
  start: number;
  end: number;
}

/** Right after the unit of a figure named by the words before it: punctuation or a function word. */
const AFTER_OK = /^(?:$|[，,。；;、：:（()）！？!?|]|均|全|已|都|并|且|其|和|及|与|另|占|，)/;

/** How far before and after a figure its scope words and qualifiers are looked for. */
export const LOOK_BACK = 400;
const LOOK_AHEAD = 60;

/** Keyword, qualifier and filler words before a number never exceed this many characters. */
const LEAD_WINDOW = 40;

/**
 * The figures of one sentence (compact text `sText`) that name cells of `topics`. `context` is the text before the
 * sentence that scope words reach across (back to the previous 。 or hard boundary, at most LOOK_BACK characters):
 * nothing else of the narrative is read.
 */
export function readSentence(sText: string, context: string, topics: readonly Topic[], year: number | null): Reading[] {
  const out: Reading[] = [];
  let lastDoc: Topic['doc'] | null = null;
  for (const f of findFigures(sText)) {
    // words that qualify a figure are near it: a bounded window keeps reading linear in a sentence of any length
    const lead = sText.slice(Math.max(0, f.start - LOOK_BACK), f.start);
    const after = sText.slice(f.end, f.end + LOOK_AHEAD);
    const found = match(topics, lead, after, f);
    const topic: Topic | null = found ?? docContinuation(topics, lead, after, f, lastDoc);
    if (!topic) continue;
    lastDoc = topic.doc ?? null;
    if (!topic.operands) continue;
    const before = context.slice(Math.max(0, context.length - (LOOK_BACK - f.start))) + lead;
    if (otherScope(before, clauseOf(lead)) || otherYear(before, year) !== null) continue;
    if (isWhole(topic) && (/其中/.test(before) || isPart(clauseOf(lead), sText.slice(f.end, f.end + LOOK_BACK), topic))) continue;
    const phrase = afterLast(lead, ['，', ',', '；', ';']);
    const named = /等/.test(phrase) ? [] : (topic.reasons ?? []).filter(([re]) => re.test(phrase)).map(([, id]) => id);
    out.push({
      value: topic.amount && f.unit === '元' ? f.value / 10000 : f.value,
      figure: f.text,
      topic: topic as Reading['topic'],
      widened: !!topic.widen?.after.test(after),
      named,
      start: f.start,
      end: f.end,
    });
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
