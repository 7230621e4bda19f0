import { render } from '@testing-library/preact';
import { describe, expect, test } from 'vitest';
import { Sheet } from '@/components/sheet/Sheet';
import { checkInput } from '@/lib/check';
import { buildSheet } from '@/lib/sheet/model';
import { zeroTable } from '../rules/helpers';

const findingsFor = (input: Parameters<typeof checkInput>[0], prior?: Parameters<typeof checkInput>[0]) =>
  checkInput(input, prior ? { prior } : {}).findings;

describe('the 审核单 page', () => {
  test('marks each problem cell for the eye and for screen readers, and shows unreadable cells as typed', () => {
    const input = { ...zeroTable('gov2021', 2023), body: '某单位', raw: { 'apply.new.commercial': '约5' } };
    input.values['apply.granted.natural'] = 4;
    input.values['apply.new.commercial'] = null;
    const model = buildSheet({ input, findings: findingsFor(input), at: new Date(2024, 0, 15, 9, 5) });
    const { container, getByText } = render(<Sheet model={model} />);
    const marked = [...container.querySelectorAll('td[class^="mark-"]')].map((td) => td.getAttribute('data-cell'));
    expect(marked.sort()).toEqual(Object.keys(model.marks).sort());
    const wrong = container.querySelector(`td[data-cell="${model.errors.length ? Object.keys(model.marks).find((c) => model.marks[c] === 'error') : ''}"]`)!;
    expect(wrong.textContent).toMatch(/（强制性问题）$/);
    expect(container.querySelector('td[data-cell="apply.new.commercial"]')!.textContent).toMatch(/^约5/);
    expect(getByText(model.state)).toBeTruthy();
    // No print button without a print function (the page passes one; the print itself never shows it).
    expect(container.querySelector('button')).toBeNull();
  });
});
