import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkNarrative } from '@/lib/narrative';
import type { Values } from '@/lib/report';
import { HEAVY } from '../helpers/heavy';

/** 0 … 99999 in Chinese numerals, written independently of the code under test. */
function chinese(n: number): string {
  const d = '零一二三四五六七八九';
  if (n === 0) return '零';
  const units = ['', '十', '百', '千', '万'];
  const digits = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((x, i) => {
    const u = units[digits.length - 1 - i]!;
    if (x === 0) zero = out !== '';
    else {
      if (zero) out += '零';
      zero = false;
      out += (x === 1 && u === '十' && out === '' ? '' : d[x]) + u;
    }
  });
  return out;
}
const fullWidth = (n: number) => String(n).replace(/\d/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const TRAD: Record<string, string> = { 开: '開', 处: '處', 请: '請', 复: '復', 议: '議', 诉: '訴', 讼: '訟', 结: '結', 转: '轉', 续: '續', 办: '辦' };
const traditional = (s: string) => s.replace(/./g, (c) => TRAD[c] ?? c);

const ROWS = ['withheld.stateSecret', 'withheld.process', 'unable.notHeld', 'unable.needCreate', 'ignored.repeat'] as const;
const GROUP = {
  withheld: ['stateSecret', 'lawForbidden', 'threeSafety', 'thirdParty', 'internal', 'process', 'enforcement', 'query'],
  unable: ['notHeld', 'needCreate', 'unclear'],
  ignored: ['complaint', 'repeat', 'publication', 'massive', 'confirm'],
};
const group = (g: keyof typeof GROUP) => GROUP[g].map((r) => `apply.${g}.${r}.total`);

/** Sentences of a narrative, each stating the sum of some cells (the cells a finding names). */
const TEMPLATES: { text: (n: string) => string; cells: string[] }[] = [
  { text: (n) => `本年度共受理政府信息公开申请${n}件`, cells: ['apply.new.total'] },
  { text: (n) => `其中予以公开${n}件`, cells: ['apply.granted.total'] },
  { text: (n) => `部分公开${n}件`, cells: ['apply.partial.total'] },
  { text: (n) => `不予公开${n}件`, cells: group('withheld') },
  { text: (n) => `无法提供${n}件`, cells: group('unable') },
  { text: (n) => `不予处理${n}件`, cells: group('ignored') },
  { text: (n) => `结转下年度继续办理${n}件`, cells: ['apply.carryForward.total'] },
  { text: (n) => `被申请行政复议${n}件`, cells: ['appeal.review.total'] },
  { text: (n) => `提起行政诉讼${n}件`, cells: ['appeal.suitDirect.total', 'appeal.suitAfterReview.total'] },
];

const tableArb = fc
  .record({
    new: fc.nat(2000), carried: fc.nat(50), granted: fc.nat(500), partial: fc.nat(100), carryForward: fc.nat(50),
    review: fc.nat(20), direct: fc.nat(10), after: fc.nat(10), rows: fc.tuple(...ROWS.map(() => fc.nat(300))),
  })
  .map((v) => {
    const out: Values = {
      'apply.new.total': v.new, 'apply.carried.total': v.carried, 'apply.granted.total': v.granted,
      'apply.partial.total': v.partial, 'apply.carryForward.total': v.carryForward, 'appeal.review.total': v.review,
      'appeal.suitDirect.total': v.direct, 'appeal.suitAfterReview.total': v.after,
    };
    for (const g of Object.keys(GROUP) as (keyof typeof GROUP)[]) for (const id of group(g)) out[id] = 0;
    ROWS.forEach((r, i) => (out[`apply.${r}.total`] = v.rows[i]!));
    return out;
  });

const writeArb = fc.constantFrom<(n: number) => string>(String, chinese, fullWidth);

describe('narrative property', HEAVY, () => {
  it('Chinese numerals of the test writer', () => {
    expect([0, 7, 10, 12, 20, 105, 110, 1001, 2000, 10203].map(chinese)).toEqual([
      '零', '七', '十', '十二', '二十', '一百零五', '一百一十', '一千零一', '二千', '一万零二百零三',
    ]);
  });

  it('a narrative stating the table’s own figures gives no finding; changing one figure gives exactly one, naming its cells', () => {
    fc.assert(
      fc.property(
        tableArb,
        fc.subarray(TEMPLATES, { minLength: 1 }),
        writeArb,
        fc.boolean(),
        fc.nat(),
        fc.integer({ min: 1, max: 30 }),
        (values, stated, write, trad, which, delta) => {
          const sumOf = (cells: string[]) => cells.reduce((a, id) => a + (values[id] ?? 0), 0);
          const wrong = which % stated.length;
          const narrative = (figures: number[]) =>
            stated.map((t, i) => (trad ? traditional : String)(t.text(write(figures[i]!)))).join('，') + '。';
          const input = { format: 'gov2021' as const, year: 2023, values };
          const right = stated.map((t) => sumOf(t.cells));
          expect(checkNarrative(narrative(right), input)).toEqual([]);

          const figures = right.map((n, i) => (i === wrong ? n + delta : n));
          const findings = checkNarrative(narrative(figures), input);
          const t = stated[wrong]!;
          // 受理 may also mean 新收 + 上年结转: a figure equal to that reading agrees.
          const otherReading = t.cells[0] === 'apply.new.total' && figures[wrong] === sumOf(['apply.new.total', 'apply.carried.total']);
          expect(findings.map((f) => f.cells)).toEqual(otherReading ? [] : [t.cells]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
