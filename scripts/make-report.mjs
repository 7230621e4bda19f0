// Regenerates test/e2e/pages/report/gov2021-2023.html: the official gov2021 skeleton
// (../shared/fixtures/gov2021-blank.html) filled with the figures of test/e2e/report.mjs.
// Usage: node scripts/make-report.mjs [path/to/gov2021-blank.html]
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const blankPath = process.argv[2] ?? `${root}../shared/fixtures/gov2021-blank.html`;
const out = `${root}test/e2e/pages/report/gov2021-2023.html`;
// report.mjs reads the generated file for CELLS; VALUES/REPORT_* do not need it.
writeFileSync(out, readFileSync(out, { flag: 'a+' })); // make sure it exists before importing
const { VALUES, REPORT_TITLE, REPORT_YEAR } = await import('../test/e2e/report.mjs');

const blank = readFileSync(blankPath, 'utf8');
const values = Object.values(VALUES);
let i = 0;
let html = blank
  .replace(/<span>&nbsp;<\/span>/g, () => `<span>${values[i++]}</span>`)
  .replace(/（单位名称）____年政府信息公开工作年度报告/g, REPORT_TITLE)
  .replace(/____年/g, `${REPORT_YEAR}年`)
  .replace(
    '<p>一、总体情况</p><p></p>',
    '<p>一、总体情况</p><p>2023年，本机关共收到政府信息公开申请50件，上年结转3件，办结50件，结转下年度继续办理3件。'
      + '全年制发行政规范性文件4件，废止1件，现行有效27件。发生政府信息公开行政复议3件、行政诉讼2件。</p>',
  )
  .replace('<p>五、存在的主要问题及改进情况</p><p></p>', '<p>五、存在的主要问题及改进情况</p><p>个别答复文书说理不够充分，下一步将加强培训。</p>')
  .replace('<p>六、其他需要报告的事项</p><p></p>', '<p>六、其他需要报告的事项</p><p>本年度未收取信息处理费。</p>');
if (i !== values.length) throw new Error(`skeleton has ${i} empty cells, report.mjs has ${values.length} values`);
html = html.slice(html.indexOf('<h1>'), html.lastIndexOf('</body>')).trim() + '\n';
writeFileSync(out, html);
console.log(`wrote ${out} (${values.length} cells)`);
