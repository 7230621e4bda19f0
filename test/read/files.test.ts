import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFile } from '@/lib/read';
import { valuesOf } from '@/lib/report';
import { DOCS21, appeal, apply, row } from './expect';
import { HEAVY } from '../helpers/heavy';

const dir = resolve(__dirname, '../fixtures/read');
const read = async (name: string) => (await readFile(new Uint8Array(readFileSync(resolve(dir, name))), name))[0]!;

/** Typed from make-fixtures.mts's report (the same numbers in every rendering). */
const SOME = {
  ...row('active.regulation', DOCS21, [1, 0, 5]),
  ...row('active.normative', DOCS21, [3, 1, 20]),
  'active.license.decisions': 12,
  'active.fee.amount': 1.5,
  ...apply('new', [8, 2, 0, 0, 1, 0, 11]),
  ...apply('unable.notHeld', [2, 1, 0, 0, 1, 0, 4]),
  ...apply('other.misc', [1, 0, 0, 0, 0, 0, 1]),
  ...apply('total', [7, 2, 0, 0, 1, 0, 10]),
  ...apply('carryForward', [2, 0, 0, 0, 0, 0, 2]),
  ...appeal('review', [1, 0, 0, 1, 2]),
  ...appeal('suitAfterReview', [1, 0, 0, 0, 1]),
};

describe('files: .html, .docx, .pdf of the same report', HEAVY, () => {
  it.each(['report-2023.html', 'report-2023.docx', 'report-2023.pdf'])('%s', async (name) => {
    const r = await read(name);
    expect([r.format, r.year, r.body]).toEqual(['gov2021', 2023, '示例县人民政府办公室']);
    expect(valuesOf(r)).toMatchObject(SOME);
    expect(Object.keys(r.cells)).toHaveLength(200);
    expect(r.problems).toEqual([]);
  });
  it('every rendering gives exactly the values of the HTML', async () => {
    const html = valuesOf(await read('report-2023.html'));
    expect(valuesOf(await read('report-2023.docx'))).toEqual(html);
    expect(valuesOf(await read('report-2023.pdf'))).toEqual(html);
  });
  it('a PDF keeps text locations and the narrative', async () => {
    const r = await read('report-2023.pdf');
    expect(r.cells['apply.new.total']!.loc.kind).toBe('text');
    expect(r.narrative).toContain('全年共收到政府信息公开申请11件');
  });
  it('a 10-page PDF', async () => {
    const r = await read('long-10pages.pdf');
    expect(valuesOf(r)).toMatchObject(SOME);
  });
});
