/**
 * Real pages printed to PDF by Chromium (test/fixtures/read/printed/, made by ../make-fixtures.mts): the PDF must give
 * exactly the values the reader takes from the same page's HTML, blank cells included.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readFile, readHtml } from '@/lib/read';
import { pdfToText } from '@/lib/read/pdf';
import { valuesOf } from '@/lib/report';
import { describeReal, sharedPath } from '../real-reports';
import { DOCS19, DOCS21, ITEMS19, N, appeal, apply, row } from './expect';
import { HEAVY } from '../helpers/heavy';

const fixtures = resolve(__dirname, '../fixtures/read/printed');
const bytes = (name: string) => new Uint8Array(readFileSync(resolve(fixtures, name)));
const readPdf = async (name: string) => (await readFile(bytes(name), name))[0]!;
const htmlTruth = (path: string) => valuesOf(readHtml(readFileSync(path, 'utf8'))[0]!);

const GOV2021_PAGE = resolve(__dirname, '../e2e/pages/report/gov2021-2023.html');
const SHANGHAI_2019 = sharedPath('corpus/2019-shanghai-office-1.html');

describe('the e2e report page printed by Chromium (narrow 其他 column next to 总计)', HEAVY, () => {
  const truth = htmlTruth(GOV2021_PAGE);

  it('the HTML of the page reads completely (the truth below)', () => {
    expect(Object.keys(truth)).toHaveLength(200);
  });

  it.each(['printed-gov2021-2023.pdf', 'borderless-gov2021-2023.pdf'])('%s gives every value of the page', async (name) => {
    const r = await readPdf(name);
    expect([r.format, r.year]).toEqual(['gov2021', 2023]);
    expect(valuesOf(r)).toEqual(truth);
    expect(r.problems).toEqual([]);
  });

  it('typed by hand: the last two columns stay apart (1 and 50, never 150)', async () => {
    const v = valuesOf(await readPdf('printed-gov2021-2023.pdf'));
    expect(v).toMatchObject({
      ...row('active.normative', DOCS21, [4, 1, 27]),
      'active.license.decisions': 1286,
      ...apply('new', [41, 5, 0, 1, 2, 1, 50]),
      ...apply('carried', [2, 1, 0, 0, 0, 0, 3]),
      ...apply('partial', [5, 1, 0, 0, 0, 1, 7]),
      ...apply('unable.notHeld', [9, 2, 0, 0, 1, 0, 12]),
      ...apply('total', [40, 6, 0, 1, 2, 1, 50]),
      ...apply('carryForward', [3, 0, 0, 0, 0, 0, 3]),
      ...appeal('review', [2, 0, 1, 0, 3]),
      ...appeal('suitDirect', [1, 0, 0, 1, 2]),
    });
  });

  it('each table cell is its own piece of the text', async () => {
    const text = await pdfToText(bytes('printed-gov2021-2023.pdf'));
    expect(text).toContain('| 一、本年新收政府信息公开申请数量 | 41 | 5 | 0 | 1 | 2 | 1 | 50 |');
    const borderless = await pdfToText(bytes('borderless-gov2021-2023.pdf'));
    expect(borderless).not.toMatch(/\b150\b/);
  });
});

describeReal('2019 Shanghai report printed by Chromium (blank cells, 总计 blank on result rows)', () => {
  let truth: ReturnType<typeof htmlTruth>;
  beforeAll(() => {
    truth = htmlTruth(SHANGHAI_2019);
  });

  it('the HTML of the page reads completely, blanks as null (the truth below)', () => {
    expect(Object.keys(truth)).toHaveLength(198);
    expect(Object.values(truth).filter((v) => v === null).length).toBeGreaterThan(100);
  });

  it('printed-shanghai-2019.pdf gives every value of the page, blanks as null', async () => {
    const r = await readPdf('printed-shanghai-2019.pdf');
    expect([r.format, r.year]).toEqual(['gov2019', 2019]);
    expect(valuesOf(r)).toEqual(truth);
    expect(r.problems).toEqual([]);
  });

  it('borderless-shanghai-2019.pdf (no borders drawn): columns from the numbers and header words', async () => {
    const r = await readPdf('borderless-shanghai-2019.pdf');
    expect([r.format, r.year]).toEqual(['gov2019', 2019]);
    expect(valuesOf(r)).toEqual(truth);
    expect(r.problems).toEqual([]);
  });

  it('typed by hand: 859 stays in 总计, blank cells stay blank', async () => {
    const v = valuesOf(await readPdf('printed-shanghai-2019.pdf'));
    expect(v).toMatchObject({
      ...row('active.regulation', DOCS19, [13, 13, 524]),
      ...row('active.license', ITEMS19, [0, 0, 0]),
      'active.procurement.amount': 25.1,
      ...apply('new', [821, 35, N, N, 2, 1, 859]),
      ...apply('carried', [18, N, N, N, N, N, 18]),
      ...apply('granted', [258, 12, N, N, 1, 1, N]),
      ...apply('withheld.lawForbidden', [N, N, N, N, N, N, N]),
      ...apply('unable.notHeld', [252, 12, N, N, 1, N, N]),
      ...apply('total', [767, 35, N, N, 2, 1, 805]),
      ...apply('carryForward', [72, N, N, N, N, N, 72]),
      ...appeal('review', [5, N, N, 2, 7]),
      ...appeal('suitDirect', [8, N, N, 1, 9]),
      ...appeal('suitAfterReview', [N, N, N, N, N]),
    });
  });
}, HEAVY);

describe('labels spanning both label columns of 表三, with the inner label border drawn through them', HEAVY, () => {
  const truth = htmlTruth(resolve(fixtures, 'spanning-gov2021-2023.html'));

  it('the drawn border through the label leaves no empty piece before the numbers', async () => {
    const text = await pdfToText(bytes('spanning-gov2021-2023.pdf'));
    expect(text).toContain('| （六）其他处理 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |');
    expect(text).toContain('| （七）总计 | 7 | 2 | 0 | 0 | 1 | 0 | 10 |');
  });

  it('numbers are placed by their columns: 7 under 自然人, 10 under 总计, nothing dropped', async () => {
    const r = await readPdf('spanning-gov2021-2023.pdf');
    expect([r.format, r.year]).toEqual(['gov2021', 2023]);
    expect(valuesOf(r)).toMatchObject({
      ...apply('other', [1, 0, 0, 0, 0, 0, 1]),
      ...apply('total', [7, 2, 0, 0, 1, 0, 10]),
      ...apply('new', [8, 2, 0, 0, 1, 0, 11]),
      ...apply('carryForward', [2, 0, 0, 0, 0, 0, 2]),
    });
    expect(valuesOf(r)).toEqual(truth);
    expect(r.problems).toEqual([]);
  });
});
