import type { CheckInput, Finding, Report, ReportCell } from '@/lib/report';
import { bySeverity } from '@/lib/report';
import { inputOf } from '@/lib/rules/input';
import type { CheckOptions, CheckResult } from '@/lib/check';
import type { LiveDeps } from '@/lib/page/live';
import { Overlay } from '@/components/overlay/overlay';

/**
 * A test double for the reader and the rule engine, so the tracker can be tested on its own:
 * cells are <td data-id="…"> (or <input data-id>), one rule a + b = c. The real reader and
 * engine are exercised by the real-browser tests.
 */
export function stubDeps(
  calls: { may: number; read: number } = { may: 0, read: 0 },
  /** A stand-in for the narrative check, run as the pipeline runs it (unless given its findings). */
  checkNarrative?: (text: string, input: CheckInput) => Finding[],
): LiveDeps & { calls: typeof calls } {
  return {
    calls,
    mayHoldReport(doc) {
      calls.may++;
      return !!doc.querySelector('[data-id]');
    },
    readDom(doc) {
      calls.read++;
      const cells: Record<string, ReportCell> = {};
      doc.querySelectorAll('[data-id]').forEach((el, i) => {
        const raw = el.tagName === 'INPUT' ? (el as HTMLInputElement).value : (el.textContent ?? '').trim();
        const id = el.getAttribute('data-id')!;
        cells[id] = { id, raw, value: raw === '' ? null : Number(raw), loc: { kind: 'table', table: 0, row: 0, col: i, el } };
      });
      const r: Report = { source: 'page', format: 'gov2021', year: 2023, cells, problems: [] };
      return Object.keys(cells).length ? [r] : [];
    },
    check(report: Report, opts: CheckOptions): CheckResult | null {
      if (!report.format) return null;
      const input = inputOf(report)!;
      const { a, b, c } = input.values as Record<string, number | null>;
      const text = report.narrative;
      const narrative = opts.narrative ? [...opts.narrative] : text && checkNarrative ? checkNarrative(text, input) : [];
      if (a == null || b == null || c == null || a + b === c) return { input, findings: [...narrative], narrative, suggestion: null };
      const sum: Finding = { rule: 'T-SUM', severity: 'error', cells: ['c', 'a', 'b'], message: `a(${a})+b(${b})≠c(${c})`, expected: a + b, target: 'c' };
      return { input, findings: [sum, ...narrative].sort(bySeverity), narrative, suggestion: { message: sum.message, fixes: [{ cell: 'c', value: a + b, current: c }] } };
    },
    overlay: (doc, onFix) => new Overlay(doc, onFix),
  };
}

export const TABLE = '<table><tr><td data-id="a">1</td><td data-id="b">2</td><td data-id="c">3</td></tr></table>';

/** A stub cell by its id. */
export const td = (id: string): Element => document.querySelector(`[data-id="${id}"]`)!;

/** Type into `el` as far as the tracker can tell: caret in it, text changed, input event. */
export function typeInto(el: Element, text: string): void {
  const sel = document.getSelection()!;
  sel.removeAllRanges();
  const r = document.createRange();
  r.selectNodeContents(el);
  sel.addRange(r);
  el.textContent = text;
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Type in the stub cell `id`. */
export const typeIn = (id: string, text: string): void => typeInto(td(id), text);
