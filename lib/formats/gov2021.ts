import { appealSection, applySection } from './apply-sections';
import { cellsOf } from './cells';
import type { FormatDef, SectionDef } from './types';

const DOCS = ['issued', 'repealed', 'inForce'] as const;
const DECISIONS = ['decisions'] as const;

export const activeSection2021: SectionDef = {
  key: '二',
  name: '表二',
  topic: '主动公开',
  title: '二、主动公开政府信息情况',
  titleMatch: /主动公开政府信息情况/,
  rows: [
    { id: 'regulation', label: '规章', match: /^规章(?:（|$)/, cols: DOCS },
    { id: 'normative', label: '行政规范性文件', match: /^(?:行政)?规范性(?:文件|档案)/, cols: DOCS },
    { id: 'license', label: '行政许可', match: /^行政许可/, cols: DECISIONS },
    { id: 'penalty', label: '行政处罚', match: /^行政处罚/, cols: DECISIONS },
    { id: 'coercion', label: '行政强制', match: /^行政强制/, cols: DECISIONS },
    { id: 'fee', label: '行政事业性收费', match: /^行政事业性收费/, cols: ['amount'] },
  ],
  cols: [
    { id: 'issued', label: '本年制发件数', match: /本年制发/ },
    { id: 'repealed', label: '本年废止件数', match: /本年废止/ },
    { id: 'inForce', label: '现行有效件数', match: /现行有效/ },
    { id: 'decisions', label: '本年处理决定数量', match: /处理决定数量/ },
    { id: 'amount', label: '本年收费金额（单位：万元）', match: /收费金额/, kind: 'amount' },
  ],
  cellId: (r, c) => `active.${r}.${c}`,
};

const sections = [activeSection2021, applySection(true), appealSection];

export const gov2021: FormatDef = {
  id: 'gov2021',
  name: '2021年版统计表',
  basis: '国办公开办函〔2021〕30号',
  years: { from: 2021, to: 9999 },
  superseded: null,
  fingerprints: [/本年制发件数/, /本年废止件数/, /现行有效件数/, /本年收费金额/, /本年处理决定数量/],
  prefilter: ['本年制发件数', '现行有效件数', '处理决定数量', '本年新收', '申请人情况', '结果维持', '行政复议'],
  sections,
  cells: cellsOf(sections),
};
