import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHtml, readText } from '@/lib/read';
import { checkReport, inputOf } from '@/lib/rules';
import type { Report } from '@/lib/report';

/** Shapes of real published reports (issue 14), each rebuilt by hand as a fixture of our own. */
const fixture = (name: string) => readFileSync(resolve(__dirname, '../fixtures/read/shapes', name), 'utf8');
const values = (r: Report, prefix: string) =>
  Object.fromEntries(Object.values(r.cells).filter((c) => c.id.startsWith(prefix)).map((c) => [c.id, c.value]));
const rules = (r: Report) => checkReport(inputOf(r)!).map((f) => [f.rule, f.severity, f.cells[0]]);

describe('HTML: a trailing row of blank cells', () => {
  it('never overrides the filled 表四 row above it, so its sums are checked', () => {
    const [r] = readHtml(fixture('appeal-trailing-blank-row.html'));
    expect(values(r!, 'appeal.review')).toEqual({
      'appeal.review.upheld': 2, 'appeal.review.corrected': 1, 'appeal.review.other': 0, 'appeal.review.pending': 0, 'appeal.review.total': 4,
    });
    expect(values(r!, 'appeal.suitDirect')).toEqual({
      'appeal.suitDirect.upheld': 1, 'appeal.suitDirect.corrected': 0, 'appeal.suitDirect.other': 0, 'appeal.suitDirect.pending': 1, 'appeal.suitDirect.total': 2,
    });
    const found = rules(r!);
    expect(found.filter((f) => f[0] === 'DOM-BLANK')).toEqual([]);
    expect(found.filter((f) => f[1] === 'error').map((f) => f[0])).toEqual(['T4-SUM']);
  });
});

describe('text: one cell per line with the `|` separators on lines of their own', () => {
  it('reads the separator lines as nothing, not as blank cells', () => {
    const [r] = readText(fixture('separator-lines.txt'));
    expect(r!.format).toBe('gov2021');
    expect(values(r!, 'active.')).toEqual({
      'active.regulation.issued': 0, 'active.regulation.repealed': 0, 'active.regulation.inForce': 6,
      'active.normative.issued': 3, 'active.normative.repealed': 1, 'active.normative.inForce': 27,
      'active.license.decisions': 125, 'active.penalty.decisions': 8, 'active.coercion.decisions': 0,
      'active.fee.amount': 0,
    });
  });
});
