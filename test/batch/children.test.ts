import { describe, expect, it } from 'vitest';
import { proposeParents } from '@/lib/batch/children';
import type { BatchInput } from '@/lib/batch/types';
import { bodyReport, reportOf } from './reports';

const input = (body: string, narrative?: string, year = 2023): BatchInput => {
  const r = reportOf(bodyReport(body, year), body);
  return { name: `${body}-${year}.html`, reports: [narrative ? { ...r, narrative } : r] };
};

describe('parent → children proposed from a report’s own text', () => {
  const county = '本报告由示例县人民政府办公室编制，涵盖县政府办公室及甲镇、乙镇、城关街道的政府信息公开工作。';

  it('a county report listing its towns proposes them, by the names the batch knows them by', () => {
    const batch = [input('示例县人民政府', county), input('示例县甲镇人民政府'), input('示例县乙镇人民政府'), input('示例县城关街道办事处'), input('示例县财政局')];
    expect(proposeParents(batch)).toEqual([{ parent: '示例县人民政府', children: ['示例县甲镇人民政府', '示例县乙镇人民政府', '示例县城关街道办事处'] }]);
  });

  it('a report naming fewer than two bodies, or bodies of another year, proposes nothing', () => {
    expect(proposeParents([input('示例县人民政府', '本年度甲镇开展了培训。'), input('示例县甲镇人民政府'), input('示例县乙镇人民政府')])).toEqual([]);
    expect(proposeParents([input('示例县人民政府', county), input('示例县甲镇人民政府', undefined, 2022), input('示例县乙镇人民政府', undefined, 2022)])).toEqual([]);
  });

  it('a child mentioning its county is not taken for the county’s parent; unreadable files are passed over', () => {
    const town = '甲镇在示例县人民政府指导下，与乙镇、城关街道共同开展培训。';
    const batch = [input('示例县人民政府'), input('示例县甲镇人民政府', town), input('示例县乙镇人民政府'), { name: '坏.pdf', error: '坏' }];
    expect(proposeParents(batch).map((p) => p.children)).not.toContainEqual(expect.arrayContaining(['示例县人民政府']));
  });
});
