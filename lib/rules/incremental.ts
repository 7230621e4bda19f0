import { currentLocale, type Locale } from '../i18n';
import type { CheckInput, Finding, Values } from '../report';
import type { Compiled } from './compile';
import { BLANK, blankFindings, cellDomain } from './domain';
import { NA, PASS, evaluateRule, type Evaluation, type Outcome } from './evaluate';

/**
 * The live page checks the same report again on every keystroke, with one cell changed. What each cell says on
 * its own (DOM-*) and what each rule of this year's cells found only change with their cells, so the last few
 * checks of each format are kept, by the position of each cell in the values: the next check of a report with the
 * same cells in the same order re-does only the cells whose value or text changed and the rules they are in.
 * Rules on last year's figures are evaluated every time (last year's data can change without this year's).
 * Anything else (other cells, another order, another locale) is checked in full.
 */

interface Last {
  locale: Locale;
  ids: string[];
  values: unknown[];
  raws: (string | undefined)[];
  domain: (Finding | typeof BLANK | null)[];
  /** DOM-BLANK findings by the blank cells' ids, the most recently used last. */
  blanks: Map<string, Finding[]>;
  /** Per rule of this year's cells: NA, PASS, or its outcome. */
  rules: (typeof NA | typeof PASS | Outcome)[];
}

/** Per format, its last checks (most recent first): a page may hold two reports of one format, checked in turn. */
const lastOf = new WeakMap<Compiled, Last[]>();
const KEPT_REPORTS = 4;
const KEPT_BLANKS = 8;

/** Each cell's DOM-* error (in the cells' order) then DOM-BLANK, and the evaluation of every rule. */
export function domainAndRules(c: Compiled, input: CheckInput, prior: Values | undefined): { domain: Finding[]; ev: Evaluation } {
  const values = input.values;
  const last = closest(c, input);

  const domain: Finding[] = [];
  const blanks: string[] = [];
  for (let i = 0; i < last.ids.length; i++) {
    const d = last.domain[i];
    if (d === BLANK) blanks.push(last.ids[i]!);
    else if (d) domain.push({ ...d });
  }
  if (blanks.length) {
    // Typing over a figure empties its cell and fills it again: both sets of blanks stay known.
    const key = blanks.join('\n');
    let findings = last.blanks.get(key);
    if (!findings) {
      findings = blankFindings(c, input, blanks);
      if (last.blanks.size >= KEPT_BLANKS) last.blanks.delete(last.blanks.keys().next().value!);
    } else last.blanks.delete(key);
    last.blanks.set(key, findings);
    for (const f of findings) domain.push({ ...f });
  }

  const status = new Uint8Array(c.rules.length);
  const outcomes: Outcome[] = [];
  for (let i = 0; i < c.rules.length; i++) {
    const o = c.rules[i]!.cross ? evaluateRule(c, i, values, prior) : last.rules[i]!;
    if (o === PASS) status[i] = PASS;
    else if (o !== NA) {
      status[i] = o.status;
      outcomes.push(o);
    }
  }
  return { domain, ev: { status, outcomes } };
}

/** The kept check this report differs least from, brought up to date (a new one when none has its cells). */
function closest(c: Compiled, input: CheckInput): Last {
  const locale = currentLocale();
  const kept = (lastOf.get(c) ?? []).filter((l) => l.locale === locale);
  let best: { last: Last; changed: number[] } | undefined;
  for (const last of kept) {
    const changed = changes(last, input);
    if (changed && (!best || changed.length < best.changed.length)) best = { last, changed };
    // One keystroke changes one cell: the report just typed in needs no search further.
    if (best && best.changed.length <= 1) break;
  }
  let last: Last;
  if (best && best.changed.length < best.last.ids.length / 2) {
    last = best.last;
    if (best.changed.length) update(c, last, best.changed, input);
  } else last = fresh(c, input, locale);
  lastOf.set(c, [last, ...kept.filter((l) => l !== last)].slice(0, KEPT_REPORTS));
  return last;
}

function fresh(c: Compiled, input: CheckInput, locale: Locale): Last {
  const ids: string[] = [];
  const values: unknown[] = [];
  const raws: (string | undefined)[] = [];
  const domain: Last['domain'] = [];
  for (const id in input.values) {
    const v = input.values[id];
    ids.push(id);
    values.push(v);
    raws.push(input.raw?.[id]);
    domain.push(cellDomain(c, id, v, input.raw));
  }
  const rules = c.rules.map((r, i) => (r.cross ? NA : evaluateRule(c, i, input.values, undefined)));
  return { locale, ids, values, raws, domain, blanks: new Map(), rules };
}

/** Positions of the cells whose value or text changed; null when the cells are not the same ones in the same order. */
function changes(last: Last, input: CheckInput): number[] | null {
  const out: number[] = [];
  const raw = input.raw;
  let i = 0;
  for (const id in input.values) {
    if (last.ids[i] !== id) return null;
    const v = input.values[id];
    const was = last.values[i];
    if ((v !== was && (v === v || was === was)) || raw?.[id] !== last.raws[i]) out.push(i);
    i++;
  }
  return i === last.ids.length ? out : null;
}

function update(c: Compiled, last: Last, changed: number[], input: CheckInput): void {
  const rules = new Set<number>();
  for (const i of changed) {
    const id = last.ids[i]!;
    const v = input.values[id];
    last.values[i] = v;
    last.raws[i] = input.raw?.[id];
    last.domain[i] = cellDomain(c, id, v, input.raw);
    for (const r of c.rulesWith.get(id) ?? []) rules.add(r);
  }
  for (const r of rules) if (!c.rules[r]!.cross) last.rules[r] = evaluateRule(c, r, input.values, undefined);
}
