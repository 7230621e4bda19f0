// The gov2021 report shown in every backend page: hand-typed figures of a fictional 区人民政府办公室 for 2023,
// consistent with every gov2021 rule of the spec (T3-BAL, T3-TOT, T3-ROWSUM, T4-SUM, DOM-*, P-REG: 规章 = 0,
// P-CARRYSIZE), plus the 2022 figures the cross-year rules compare with (X-CARRY, X-STOCK).
// The page markup is generated from ../shared/fixtures/gov2021-blank.html (beside the repository) by scripts/make-report.mjs.
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { tableGrid } from './grid.mjs';

export const REPORT_PATH = '/report/gov2021-2023.html';
export const REPORT_YEAR = 2023;
export const REPORT_TITLE = '滨江区人民政府办公室2023年政府信息公开工作年度报告';

const COLS = ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'otherOrg', 'total'];
const ROWS = [
  'new', 'carried', 'granted', 'partial',
  'withheld.stateSecret', 'withheld.lawForbidden', 'withheld.threeSafety', 'withheld.thirdParty',
  'withheld.internal', 'withheld.process', 'withheld.enforcement', 'withheld.query',
  'unable.notHeld', 'unable.needCreate', 'unable.unclear',
  'ignored.complaint', 'ignored.repeat', 'ignored.publication', 'ignored.massive', 'ignored.confirm',
  'other.overdueSupplement', 'other.overdueFee', 'other.misc', 'total', 'carryForward',
];
// Section 三, one line per row: 自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计.
const T3 = `
  41 5 0 1 2 1 50
   2 1 0 0 0 0  3
  18 3 0 1 1 0 23
   5 1 0 0 0 1  7
   0 0 0 0 0 0  0
   0 0 0 0 0 0  0
   0 0 0 0 0 0  0
   1 0 0 0 0 0  1
   0 0 0 0 0 0  0
   1 0 0 0 0 0  1
   0 0 0 0 0 0  0
   0 0 0 0 0 0  0
   9 2 0 0 1 0 12
   1 0 0 0 0 0  1
   0 0 0 0 0 0  0
   2 0 0 0 0 0  2
   1 0 0 0 0 0  1
   0 0 0 0 0 0  0
   0 0 0 0 0 0  0
   0 0 0 0 0 0  0
   1 0 0 0 0 0  1
   0 0 0 0 0 0  0
   1 0 0 0 0 0  1
  40 6 0 1 2 1 50
   3 0 0 0 0 0  3`;
// Section 四: 行政复议, 行政诉讼·未经复议直接起诉, 行政诉讼·复议后起诉; each 维持 纠正 其他 尚未审结 总计.
const T4 = '2 0 1 0 3  1 0 0 1 2  0 0 0 0 0';

/** Cell id → the text typed in the cell, in document order of the official table. */
export const VALUES = {
  'active.regulation.issued': '0', 'active.regulation.repealed': '0', 'active.regulation.inForce': '0',
  'active.normative.issued': '4', 'active.normative.repealed': '1', 'active.normative.inForce': '27',
  'active.license.decisions': '1286',
  'active.penalty.decisions': '57',
  'active.coercion.decisions': '3',
  'active.fee.amount': '0',
};
T3.trim().split('\n').forEach((line, r) =>
  line.trim().split(/\s+/).forEach((v, c) => (VALUES[`apply.${ROWS[r]}.${COLS[c]}`] = v)));
const t4 = T4.split(/\s+/);
['review', 'suitDirect', 'suitAfterReview'].forEach((g, i) =>
  ['upheld', 'corrected', 'other', 'pending', 'total'].forEach((res, j) => (VALUES[`appeal.${g}.${res}`] = t4[i * 5 + j])));

/** Last year's figures that this year's must agree with (X-CARRY, X-STOCK). */
export const PRIOR_2022 = {
  'apply.carryForward.natural': 2, 'apply.carryForward.commercial': 1, 'apply.carryForward.research': 0,
  'apply.carryForward.nonprofit': 0, 'apply.carryForward.legal': 0, 'apply.carryForward.otherOrg': 0,
  'apply.carryForward.total': 3,
  'active.regulation.inForce': 0, 'active.normative.inForce': 24,
};

/** The report's HTML (body content) as the backend pages load it. */
export function reportHtml() {
  return readFileSync(new URL(`./pages${REPORT_PATH}`, import.meta.url), 'utf8');
}

/**
 * Cell id → where it sits: the index of its <table> among the report's tables and its row/column in the
 * table's logical grid (rowspan/colspan expanded), as cellAt() in harness.mjs finds it in a live editor.
 */
export const CELLS = (() => {
  const { document } = parseHTML(`<!doctype html><html><body>${reportHtml()}</body></html>`);
  const ids = Object.keys(VALUES);
  const out = {};
  let k = 0;
  [...document.querySelectorAll('table')].forEach((table, t) => {
    const seen = new Set();
    tableGrid(table).forEach((cells, row) => cells.forEach((td, col) => {
      if (seen.has(td)) return;
      seen.add(td);
      if (!/^\d+(\.\d+)?$/.test(td.textContent.trim())) return; // labels are never bare numbers
      out[ids[k++]] = { table: t, row, col };
    }));
  });
  return out;
})();

/**
 * The blank cells of tables pasted from Word, as their <td> holds them: the inner inline element has no
 * height, so a bare caret put there is moved by the browser to the next cell that can hold one.
 * Every editor page shows them all (pages/report/blank-cells.html, after the report).
 */
export const BLANK_SHAPES = {
  emptySpan: '<p align="center"><span></span></p>',
  nbsp: '<p>&nbsp;</p>',
  officeP: '<p><o:p></o:p></p>',
  officePNbsp: '<p><span lang="EN-US"><o:p>&nbsp;</o:p></span></p>',
  nestedSpans: '<p align="center"><span style="font-size:14px"><span></span></span></p>',
  loneBr: '<br>',
  nothing: '',
  paragraphBr: '<p><br></p>',
};

/** The blank-shapes table every editor page shows after the report. */
export function blankCellsHtml() {
  return readFileSync(new URL('./pages/report/blank-cells.html', import.meta.url), 'utf8');
}

/**
 * The report with the given cells blanked, each in the Word shape named (a key of BLANK_SHAPES): the
 * cell's <td> keeps its attributes, its content becomes the shape.
 */
export function reportWithBlanks(shapes) {
  const { document } = parseHTML(`<!doctype html><html><body>${reportHtml()}</body></html>`);
  const tables = document.querySelectorAll('table');
  for (const [id, shape] of Object.entries(shapes)) {
    const { table, row, col } = CELLS[id];
    tableGrid(tables[table])[row][col].innerHTML = BLANK_SHAPES[shape];
  }
  return document.body.innerHTML;
}
