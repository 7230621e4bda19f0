import type { FormatId } from '../formats';
import { compact, sentences, type Compact, type Sentence } from './text';
import { LOOK_BACK, readSentence, type Reading } from './sentence';
import { TOPICS, type Topic } from './topics';
import type { Values } from '../report';

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

/** The readings of one sentence placed in the text they were read from: `spans` holds each one's start and end. */
interface Placed {
  sentence: Claim['sentence'];
  readings: readonly Reading[];
  spans: number[];
}

/**
 * Every figure of `text` that unambiguously names cells of `format`. Figures with other scopes,
 * other years, approximations, percentages and anything not recognised are left out.
 */
export function extractClaims(text: string, format: FormatId, year: number | null, values: Values): Claim[] {
  return readClaims(text, format, year, values).map((r) => r.claim);
}

/**
 * The claims of `text`, each with the sentence reading it came from: the same object while the sentence and the
 * text before it that it reads are unchanged (for format and year), so what follows from a reading can be kept by it.
 */
export function readClaims(text: string, format: FormatId, year: number | null, values: Values): { claim: Claim; reading: Reading }[] {
  const out: { claim: Claim; reading: Reading }[] = [];
  for (const { sentence, readings, spans } of placedFigures(text, format, year)) {
    readings.forEach((n, i) => {
      let cells = n.topic.operands(values);
      let alts = n.topic.alts ?? [];
      if (n.widened) [cells, alts] = [n.topic.widen!.cells, []];
      if (n.named.length) alts = [...alts, [...n.named]];
      const span = { start: spans[2 * i]!, end: spans[2 * i + 1]! };
      out.push({ claim: { value: n.value, figure: n.figure, topic: n.topic, cells, alts, sentence: { ...sentence }, span }, reading: n });
    });
  }
  return out;
}

/**
 * The live page checks one unchanged narrative against every new value of the table, and a clerk typing in it
 * changes one sentence at a time. The last few texts read are kept: the figures of a whole text by its text,
 * format and year; those of each of its sentences by all a sentence's reading depends on (the sentence, the text
 * before it that scope words reach across, the format and the year), and placed afresh in the text asked about.
 */
const KEPT = 4;

interface Read {
  text: string;
  format: FormatId;
  year: number | null;
  placed: readonly Placed[];
  /** The readings of its sentences, by the sentence's compact text, then by the text before it that they read. */
  sentences: Map<string, Map<string, readonly Reading[]>>;
}

let kept: Read[] = [];

/** Forget every text read (for tests and benchmarks that time a first reading). */
export function forgetReadings(): void {
  kept = [];
}

function placedFigures(text: string, format: FormatId, year: number | null): readonly Placed[] {
  const hit = kept.find((k) => k.text === text && k.format === format && k.year === year);
  if (hit) return hit.placed;
  const read: Read = { text, format, year, placed: [], sentences: new Map() };
  const earlier = kept.filter((k) => k.format === format && k.year === year);
  read.placed = readFigures(text, TOPICS[format], year, read, earlier);
  kept = [read, ...kept.slice(0, KEPT - 1)];
  return read.placed;
}

function readFigures(text: string, topics: readonly Topic[], year: number | null, read: Read, earlier: readonly Read[]): Placed[] {
  if (topics.length === 0) return [];
  const c = compact(text);
  const t = c.text;
  const out: Placed[] = [];
  // Scope words reach across ；: look back to the previous 。 (or hard boundary).
  let fullStart = 0;
  for (const s of sentences(c)) {
    if (s.start > 0 && (t[s.start - 1] === '。' || t[s.start - 1] === '|')) fullStart = s.start;
    const sText = t.slice(s.start, s.end);
    const context = t.slice(Math.max(fullStart, s.start - LOOK_BACK), s.start);
    const readings = keptReadings(earlier, sText, context) ?? readSentence(sText, context, topics, year);
    const byContext = read.sentences.get(sText);
    if (byContext) byContext.set(context, readings);
    else read.sentences.set(sText, new Map([[context, readings]]));
    if (readings.length) out.push(place(text, c, s, readings));
  }
  return out;
}

function keptReadings(earlier: readonly Read[], sText: string, context: string): readonly Reading[] | undefined {
  for (const r of earlier) {
    const readings = r.sentences.get(sText)?.get(context);
    if (readings) return readings;
  }
  return undefined;
}

/** The readings of sentence `s`, placed in the original text. */
function place(text: string, c: Compact, s: Sentence, readings: readonly Reading[]): Placed {
  const start = c.pos[s.start]!;
  const end = c.pos[s.end - 1]! + 1;
  const original = text.slice(start, end);
  const spans: number[] = [];
  for (const r of readings) spans.push(c.pos[r.start + s.start]!, c.pos[r.end - 1 + s.start]! + 1);
  return { sentence: { start, end, text: /\s/.test(original) ? original.replace(/\s+/g, '') : original }, readings, spans };
}
