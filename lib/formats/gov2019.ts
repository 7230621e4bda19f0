import { appealSection, applySection } from './apply-sections';
import { cellsOf } from './cells';
import type { FormatDef, SectionDef } from './types';

const DOCS = ['made', 'published', 'publicTotal'] as const;
const ITEMS = ['prevItems', 'delta', 'decisions'] as const;

export const activeSection2019: SectionDef = {
  key: '二',
  name: '表二',
  topic: '主动公开',
  title: '二、主动公开政府信息情况',
  titleMatch: /主动公开政府信息情况/,
  rows: [
    { id: 'regulation', label: '规章', match: /^规章(?:（|$)/, cols: DOCS },
    { id: 'normative', label: '规范性文件', match: /^(?:行政)?规范性(?:文件|档案)/, cols: DOCS },
    { id: 'license', label: '行政许可', match: /^行政许可/, cols: ITEMS },
    { id: 'otherService', label: '其他对外管理服务事项', match: /^其他对外管理服务/, cols: ITEMS },
    { id: 'penalty', label: '行政处罚', match: /^行政处罚/, cols: ITEMS },
    { id: 'coercion', label: '行政强制', match: /^行政强制/, cols: ITEMS },
    { id: 'fee', label: '行政事业性收费', match: /^行政事业性收费/, cols: ['prevItems', 'delta'] },
    { id: 'procurement', label: '政府集中采购', match: /^政府集中采购/, cols: ['items', 'amount'] },
  ],
  cols: [
    { id: 'made', label: '本年新制作数量', match: /本年新制作/ },
    { id: 'published', label: '本年新公开数量', match: /本年新公开/ },
    { id: 'publicTotal', label: '对外公开总数量', match: /对外公开总数/ },
    { id: 'prevItems', label: '上一年项目数量', match: /上一年项目数/ },
    { id: 'delta', label: '本年增/减', match: /本年增.?减/, kind: 'signed' },
    { id: 'decisions', label: '处理决定数量', match: /处理决定数/ },
    { id: 'items', label: '采购项目数量', match: /采购项目数/ },
    { id: 'amount', label: '采购总金额', match: /采购总金额/, kind: 'amount' },
  ],
  cellId: (r, c) => `active.${r}.${c}`,
};

const sections = [activeSection2019, applySection(false), appealSection];

export const gov2019: FormatDef = {
  id: 'gov2019',
  name: '2019年版统计表',
  basis: '国办公开办函〔2019〕60号',
  years: { from: 2019, to: 2020 },
  superseded: { by: 'gov2021', severity: 'error' },
  fingerprints: [/本年新制作数量/, /本年新公开数量/, /对外公开总数量/, /上一年项目数量/, /本年增.?减/, /政府集中采购/],
  prefilter: ['本年新制作', '处理决定数量', '本年新收', '申请人情况', '结果维持', '行政复议'],
  sections,
  cells: cellsOf(sections),
};
