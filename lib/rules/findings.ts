import type { Finding, Values } from '../report';
import type { Compiled } from './compile';
import { EPS, FAIL, PASS, type Outcome } from './evaluate';
import { labelOf } from './labels';
import { t } from '../i18n';
import { blankText, num, ruleText, sidesText } from './messages';
import { acceptable, impliedValue } from './suggest';

/** Current-year operand ids of an outcome (prior-year cells are not in this report). */
function cellsOf(o: Outcome): string[] {
  const ids: string[] = [];
  for (let k = 0; k < o.rule.ids.length; k++) if (!o.rule.prior[k] && !ids.includes(o.rule.ids[k]!)) ids.push(o.rule.ids[k]!);
  return ids;
}

/** Value operand k must take for the rule to hold, the others unchanged (exact; null when it cannot be computed exactly). */
const implied = (o: Outcome, k: number): number | null => impliedValue(o.rule, o.vals, k);

/**
 * Words of the failing rules' findings, which localisation may drop or word anew (lib/check/annotate): written
 * into a finding only when it is kept, by `wordFindings`, before any caller of the engine sees it.
 */
const unworded = new WeakMap<Finding, () => string>();

/** Writes the words of the findings still without them (in place: they are the engine's own, new objects). */
export function wordFindings<T extends Finding[]>(findings: T): T {
  for (const f of findings) {
    const word = unworded.get(f);
    if (!word) continue;
    f.message = word();
    unworded.delete(f);
  }
  return findings;
}

/**
 * Findings of the sum rules that did not pass: one per wrong cell where the failures agree on
 * it, one per blank cell whose value the rules determine, otherwise one per rule.
 */
export function ruleFindings(c: Compiled, values: Values, prior: Values | undefined, status: Uint8Array, outcomes: Outcome[]): Finding[] {
  const out: Finding[] = [];
  const covered = new Set<number>();
  const fits = (cell: string, value: number | null): value is number => value !== null && acceptable(c, values, prior, [{ cell, value }]);
  for (const g of groupFailures(c, values, status, outcomes, fits)) {
    for (const o of g.outcomes) covered.add(o.index);
    const actual = values[g.cell];
    const f: Finding = {
      rule: g.outcomes[0]!.rule.def.rule,
      rules: g.outcomes.map((o) => o.rule.def.rule),
      severity: 'error',
      cells: [g.cell, ...g.outcomes.flatMap(cellsOf).filter((id, i, a) => id !== g.cell && a.indexOf(id) === i)],
      target: g.cell,
      expected: g.value,
      actual: actual ?? undefined,
      message: '',
    };
    unworded.set(f, () =>
      t('rule.likelyWrong', {
        cell: labelOf(c.format, g.cell),
        value: num(actual ?? 0),
        n: g.outcomes.length,
        want: num(g.value),
        rules: g.outcomes.map((o) => ruleText(c.format, o)).join(t('common.listSeparator')),
      }),
    );
    out.push(f);
  }
  const deduced = new Map<string, { value: number; outcomes: Outcome[]; assumeZero: boolean; conflict?: boolean }>();
  for (const o of outcomes) {
    if (covered.has(o.index)) continue;
    const def = o.rule.def;
    const cells = cellsOf(o);
    if (o.status === FAIL) {
      const f: Finding = { rule: def.rule, severity: def.severity, cells, message: '' };
      unworded.set(f, () => ruleText(c.format, o));
      if (o.rule.cross && o.blanks.length === 0) {
        // Cross-year: last year's figures are settled, so the fix is this year's first operand.
        const target = cells[0]!;
        const value = implied(o, o.rule.ids.indexOf(target));
        if (fits(target, value)) {
          f.target = target;
          f.actual = values[target] ?? undefined;
          f.expected = value;
        }
      }
      if (o.blanks.length) f.missing = o.blanks.map((k) => o.rule.ids[k]!);
      out.push(f);
      continue;
    }
    // Not assessable. Silent when every current operand is blank (DOM-BLANK says it once).
    const missing = o.blanks.map((k) => o.rule.ids[k]!);
    if (missing.length === cells.length && !o.rule.cross) continue;
    if (def.op !== '=') continue;
    const deduce = (cell: string, value: number | null, assumeZero: boolean): void => {
      if (!fits(cell, value)) return void out.push(notAssessable(c, o, missing));
      const d = deduced.get(cell);
      if (!d) deduced.set(cell, { value, outcomes: [o], assumeZero });
      else {
        // Rules that disagree on a blank's value: say neither value, each rule is just unassessable.
        if (d.value !== value) d.conflict = true;
        d.outcomes.push(o);
      }
    };
    if (o.need !== undefined) {
      // Blanks on one side only: with blanks as 0 it holds — nothing more to say than DOM-BLANK.
      if (Math.abs(o.need) < EPS && !o.rule.cross) continue;
      if (missing.length === 1) deduce(missing[0]!, implied(o, o.blanks[0]!), false);
      else out.push(notAssessable(c, o, missing));
      continue;
    }
    // Blanks on both sides: a blank total facing its parts is deduced from the filled parts.
    const nl = def.left.length;
    if (nl === 1 && o.vals[0] === null) deduce(o.rule.ids[0]!, implied(o, 0), true);
    else if (o.rule.ids.length - nl === 1 && o.vals[nl] === null) deduce(o.rule.ids[nl]!, implied(o, nl), true);
    else out.push(notAssessable(c, o, missing));
  }
  for (const [cell, d] of deduced) {
    if (d.conflict) {
      for (const o of d.outcomes) out.push(notAssessable(c, o, o.blanks.map((k) => o.rule.ids[k]!)));
      continue;
    }
    const first = d.outcomes[0]!;
    out.push({
      rule: first.rule.def.rule,
      ...(d.outcomes.length > 1 ? { rules: d.outcomes.map((o) => o.rule.def.rule) } : {}),
      severity: 'info',
      cells: [cell, ...d.outcomes.flatMap(cellsOf).filter((id, i, a) => id !== cell && a.indexOf(id) === i)],
      target: cell,
      expected: d.value,
      missing: [cell],
      message: t('rule.blankShouldBe', {
        cell: labelOf(c.format, cell),
        want: num(d.value),
        zero: d.assumeZero ? t('rule.blankZero') : '',
        rules: d.outcomes.map((o) => sidesText(c.format, o)).join(t('common.listSeparator')),
      }),
    });
  }
  return out;
}


function notAssessable(c: Compiled, o: Outcome, missing: string[]): Finding {
  return {
    rule: o.rule.def.rule,
    severity: 'info',
    cells: cellsOf(o),
    missing,
    message: blankText(c.format, o),
  };
}

interface Group {
  cell: string;
  value: number;
  outcomes: Outcome[];
}

/**
 * One wrong cell breaks every equality it is in (its row sum and its column sum): a cell is
 * the explanation of a group when at least two error equalities fail on it, none of its
 * equalities holds (changing it would break that one), their implied values for it agree and
 * are valid for the cell. Groups with an equally good rival over the same rules are dropped
 * (the failures are then reported rule by rule).
 */
function groupFailures(
  c: Compiled,
  values: Values,
  status: Uint8Array,
  outcomes: Outcome[],
  fits: (cell: string, value: number | null) => value is number,
): Group[] {
  const failing = new Map<number, Outcome>();
  for (const o of outcomes) {
    const def = o.rule.def;
    if (o.status === FAIL && o.blanks.length === 0 && def.severity === 'error' && def.op === '=' && !o.rule.cross) failing.set(o.index, o);
  }
  if (failing.size < 2) return [];
  const candidates: Group[] = [];
  const seen = new Set<string>();
  for (const o of failing.values()) {
    for (const id of o.rule.ids) {
      if (seen.has(id)) continue;
      seen.add(id);
      const member = c.errorRulesOf.get(id) ?? [];
      const mine: Outcome[] = [];
      let ok = true;
      for (const i of member) {
        if (status[i] === PASS) ok = false;
        const f = failing.get(i);
        if (f) mine.push(f);
      }
      if (!ok || mine.length < 2) continue;
      const value = implied(mine[0]!, mine[0]!.rule.ids.indexOf(id));
      if (!mine.every((m) => implied(m, m.rule.ids.indexOf(id)) === value)) continue;
      if (values[id] === null || !fits(id, value)) continue;
      candidates.push({ cell: id, value, outcomes: mine });
    }
  }
  candidates.sort((a, b) => b.outcomes.length - a.outcomes.length);
  const used = new Set<number>();
  const groups: Group[] = [];
  for (const g of candidates) {
    if (g.outcomes.some((o) => used.has(o.index))) continue;
    const rival = candidates.some((h) => h !== g && h.outcomes.length === g.outcomes.length && h.outcomes.some((o) => g.outcomes.includes(o)));
    if (rival) continue;
    for (const o of g.outcomes) used.add(o.index);
    groups.push(g);
  }
  return groups;
}
