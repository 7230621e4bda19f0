import { render } from '@testing-library/preact';
import { describe, expect, test } from 'vitest';
import { Help } from '@/components/help/Help';
import { Sheet } from '@/components/sheet/Sheet';
import { SheetPage } from '@/components/sheet/SheetPage';
import type { CheckInput } from '@/lib/report';
import { checkInput } from '@/lib/check';
import { buildSheet } from '@/lib/sheet/model';
import { memoryKV } from '@/lib/store';
import { describeProblems, plainChineseProblems } from '../helpers/plain-chinese.mjs';
import { zeroTable } from '../rules/helpers';

const findingsFor = (input: Parameters<typeof checkInput>[0], prior?: Parameters<typeof checkInput>[0]) =>
  checkInput(input, prior ? { prior } : {}).findings;

function withProblems(): CheckInput {
  const t = zeroTable('gov2021', 2023);
  t.body = '滨江区人民政府办公室';
  t.values['apply.granted.natural'] = 4; // totals say 0: 强制性
  t.values['apply.new.commercial'] = null; // blank: 核实性
  return t;
}
const prior: CheckInput = { format: 'gov2021', year: 2022, values: { 'apply.carryForward.natural': 2 } };

describe('plain Chinese on the new pages', () => {
  test('the walker finds Latin words, cell ids and rule ids in text and attributes, and lets allowed words pass', () => {
    document.body.innerHTML = '<p>导出为 PDF 或 JSON</p><p title="apply.new.natural">格</p><p>规则 T3-BAL</p><button aria-label="Save">存</button>';
    const found = plainChineseProblems(document.body);
    expect(found.map((p) => p.word)).toEqual(['apply.new.natural', 'apply', 'new', 'natural', 'T3-BAL', 'Save']);
  });

  test('the 审核单 of a report with 强制性, 核实性 and confirmed problems has no Latin letters or ids', () => {
    const input = withProblems();
    const findings = findingsFor(input, prior);
    const warning = findings.find((f) => f.severity === 'warning')!;
    const model = buildSheet({ input, findings, confirmations: [{ rule: warning.rule, cells: warning.cells, note: '已向经办人核实' }], at: new Date() });
    expect(model.errors.length && model.warnings.length && model.confirmed.length).toBeTruthy();
    const { container } = render(<Sheet model={model} onPrint={() => {}} />);
    expect(describeProblems(plainChineseProblems(container))).toBe('');
  });

  test('the 审核单\'s error message when its data is missing is plain Chinese', async () => {
    const { container, findByRole } = render(
      <SheetPage api={{ query: '?key=report:x', local: memoryKV(), print: () => {}, now: () => new Date() }} />,
    );
    await findByRole('alert');
    expect(describeProblems(plainChineseProblems(container))).toBe('');
  });

  test('the 说明 page has no Latin letters or ids outside the allowed words', () => {
    const { container } = render(<Help />);
    expect(describeProblems(plainChineseProblems(container))).toBe('');
  });
});
