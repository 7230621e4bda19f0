import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cellLabel, type FormatId } from '@/lib/formats';
import { checkNarrative, compareNarrative } from '@/lib/narrative';
import { textOutsideTables } from '@/lib/read/dom';
import { parseHtmlDocument, readHtml } from '@/lib/read/html';
import { readText } from '@/lib/read/text';
import { valuesOf, type Finding, type Values } from '@/lib/report';
import { describeReal, sharedPath } from '../real-reports';
import { HEAVY } from '../helpers/heavy';

/**
 * Every corpus file and seeds 000/001/003/004: the FULL list of P-TEXT findings, decided by hand
 * from each file (see the comments), checked once against table values typed by hand from the
 * source and once end to end through the reader.
 */

const COLS = ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'otherOrg', 'total'];
const _ = null;

/** Section 三 rows: apply.<row>.<col> for the seven columns. */
function apply(rows: Record<string, (number | null)[]>): Values {
  const v: Values = {};
  for (const [row, vals] of Object.entries(rows)) vals.forEach((x, i) => (v[`apply.${row}.${COLS[i]}`] = x));
  return v;
}
const zeros = (...rows: string[]) => Object.fromEntries(rows.map((r) => [r, [0, 0, 0, 0, 0, 0, 0]]));

interface Expected {
  cells: string[];
  /** The sentence quoted (whitespace removed). */
  sentence: string;
  figure: string;
  table: number;
}
interface Case {
  file: string;
  format: FormatId;
  year: number;
  values: Values;
  /** Every figure compared with the hand-typed table, as `figure=table value`, in text order. */
  compared: string[];
  expected: Expected[];
}

const WITHHELD = ['stateSecret', 'lawForbidden', 'threeSafety', 'thirdParty', 'internal', 'process', 'enforcement', 'query'];
const UNABLE = ['notHeld', 'needCreate', 'unclear'];

const CASES: Case[] = [
  // 長豐縣 2017: no statistics table at all.
  { file: 'seeds/000_8118b73f52f91992.txt', compared: [], format: 'gov2014', year: 2017, values: {}, expected: [] },
  {
    // 645 / 37 / 12 / 1 / 2 / 2 / 6 agree with the table; 门户网站公开783条 vs 2.政府网站公开政府信息数 927.
    file: 'seeds/001_564ee96d51f4a710.txt', compared: ['645条=645', '783条=927', '37条=37', '12条=12', '1次=1', '1件=1', '2次=2', '2次=2', '6人=6'],
    format: 'gov2014',
    year: 2016,
    values: {
      'c.active.total': 645, 'c.active.normativePublished': 0, 'c.active.normativeIssued': 0, 'c.channels.total': 976,
      'c.channels.gazette': 0, 'c.channels.website': 927, 'c.channels.weibo': 12, 'c.channels.wechat': 37, 'c.channels.other': 0,
      'c.response.total': 19, 'c.response.hotspots': 2, 'c.response.channels.total': 17, 'c.response.channels.pressConf': 1,
      'c.response.channels.pressConfLeader': 1, 'c.response.channels.interview': 0, 'c.response.channels.policyExplain': 14,
      'c.apply.received.total': 1, 'c.apply.received.inPerson': 0, 'c.apply.received.fax': 0, 'c.apply.received.online': 1,
      'c.apply.received.letter': 0, 'c.apply.closed.total': 1, 'c.apply.answered.total': 1, 'c.apply.answered.granted': 1,
      'c.apply.answered.partial': 0, 'c.apply.answered.refused.total': 0, 'c.review.total': 0, 'c.suit.total': 0,
      'c.complaints': 0, 'c.fees': 0, 'c.meetings.meetings': 2, 'c.meetings.trainings': 2, 'c.meetings.trainees': 6,
    },
    expected: [
      {
        cells: ['c.channels.website'],
        sentence: '2016全年主动公开政府信息645条,通过门户网站公开783条,在微信公众平台公开37条,微博公开12条',
        figure: '783条',
        table: 927,
      },
    ],
  },
  // 合肥經開區 2020: the table is empty (headers only); the narrative's 29件 has nothing to compare with.
  { file: 'seeds/003_ab8d8fc693360d83.txt', compared: [], format: 'gov2019', year: 2020, values: apply({ partial: [_, _, _, _, _, _, _] }), expected: [] },
  // 清新区 2013: no table; 全区 figures anyway.
  { file: 'seeds/004_a07cc996f83ef6ff.txt', compared: [], format: 'gov2014', year: 2013, values: {}, expected: [] },
  {
    // 859 / 805 / 18 / 35 / 158 / 0 / 7 / 9 and 规章13 / 规范性文件60 agree (blank 总计 = sum of the row).
    // 予以公开及部分公开258件: (258+12+1+1) + 3 = 275. 无法提供265件: 265 + 47 + 25 = 337 (265 is
    // only 1.本机关不掌握; the narrative's results also sum to 716, not 805).
    file: 'corpus/2019-shanghai-office-1.html', compared: ['13件=13', '60件=60', '859件=859', '805件=805', '18件=18', '258件=275', '35件=35', '265件=337', '158件=158', '7件=7', '9件=9'],
    format: 'gov2019',
    year: 2019,
    values: {
      'active.regulation.made': 13, 'active.regulation.published': 13, 'active.regulation.publicTotal': 524,
      'active.normative.made': 60, 'active.normative.published': 60, 'active.normative.publicTotal': 368,
      ...apply({
        new: [821, 35, _, _, 2, 1, 859],
        carried: [18, _, _, _, _, _, 18],
        granted: [258, 12, _, _, 1, 1, _],
        partial: [3, _, _, _, _, _, _],
        'withheld.stateSecret': [14, _, _, _, _, _, _],
        'withheld.lawForbidden': [_, _, _, _, _, _, _],
        'withheld.threeSafety': [_, _, _, _, _, _, _],
        'withheld.thirdParty': [_, _, _, _, _, _, _],
        'withheld.internal': [5, _, _, _, _, _, _],
        'withheld.process': [3, 1, _, _, _, _, _],
        'withheld.enforcement': [_, _, _, _, _, _, _],
        'withheld.query': [10, 2, _, _, _, _, _],
        'unable.notHeld': [252, 12, _, _, 1, _, _],
        'unable.needCreate': [44, 3, _, _, _, _, _],
        'unable.unclear': [25, _, _, _, _, _, _],
        'ignored.complaint': [148, 1, _, _, _, _, _],
        'ignored.repeat': [5, 4, _, _, _, _, _],
        'ignored.publication': [_, _, _, _, _, _, _],
        'ignored.massive': [_, _, _, _, _, _, _],
        'ignored.confirm': [_, _, _, _, _, _, _],
        other: [_, _, _, _, _, _, _],
        total: [767, 35, _, _, 2, 1, 805],
        carryForward: [72, _, _, _, _, _, 72],
      }),
      'appeal.review.upheld': 5, 'appeal.review.corrected': _, 'appeal.review.other': _, 'appeal.review.pending': 2, 'appeal.review.total': 7,
      'appeal.suitDirect.upheld': 8, 'appeal.suitDirect.corrected': _, 'appeal.suitDirect.other': _, 'appeal.suitDirect.pending': 1, 'appeal.suitDirect.total': 9,
      'appeal.suitAfterReview.upheld': _, 'appeal.suitAfterReview.corrected': _, 'appeal.suitAfterReview.other': _,
      'appeal.suitAfterReview.pending': _, 'appeal.suitAfterReview.total': _,
    },
    expected: [
      { cells: ['apply.granted.total', 'apply.partial.total'], sentence: '予以公开及部分公开258件，占33.9%', figure: '258件', table: 275 },
      {
        cells: UNABLE.map((r) => `apply.unable.${r}.total`),
        sentence: '因本机关不掌握等原因无法提供265件，占32.9%',
        figure: '265件',
        table: 337,
      },
    ],
  },
  {
    // 227条 主动公开 (no gov2019 cell); 政策文件及解读6条 is not 规范性文件.
    file: 'corpus/2019-wendeng-zhujianju-1.txt', compared: [],
    format: 'gov2019',
    year: 2019,
    values: {
      'active.regulation.made': 0, 'active.regulation.published': 0, 'active.regulation.publicTotal': 0,
      'active.normative.made': 0, 'active.normative.published': 8, 'active.normative.publicTotal': 8,
      'active.license.prevItems': 716, 'active.license.delta': -417, 'active.license.decisions': 298,
      'active.penalty.prevItems': 3, 'active.penalty.delta': 6, 'active.penalty.decisions': 9,
      ...apply({ new: [2, 0, 0, 0, 0, 0, 2] }),
    },
    expected: [],
  },
  {
    // 公开政府信息115条 has no gov2019 cell; 收到群众咨询3条 are inquiries, not applications.
    file: 'corpus/2020-qiliping-zhen-1.txt', compared: [],
    format: 'gov2019',
    year: 2020,
    values: apply({ new: [3, 0, 0, 0, 0, 0, 3], ...zeros('carried', 'partial'), granted: [3, 0, 0, 0, 0, 0, 3] }),
    expected: [],
  },
  {
    // Only the report year in the narrative.
    file: 'corpus/2020-wuhan-sthjj-trad-1.txt', compared: [],
    format: 'gov2019',
    year: 2020,
    values: { 'active.normative.made': 2, 'active.normative.published': 2, 'active.normative.publicTotal': 19, 'active.license.decisions': 93 },
    expected: [],
  },
  {
    // 收到8份 = 8; the result rows (予以公开2件 …) are cut off in the source, so not compared.
    file: 'corpus/2022-hanyang-office-1.txt', compared: ['8份=8'],
    format: 'gov2021',
    year: 2022,
    values: {
      'active.regulation.issued': 0, 'active.regulation.repealed': 0, 'active.regulation.inForce': _,
      'active.normative.issued': 5, 'active.normative.repealed': 12, 'active.normative.inForce': 8,
      'active.license.decisions': 0, 'active.penalty.decisions': 0, 'active.coercion.decisions': 0, 'active.fee.amount': 0,
      ...apply({ new: [8, 0, 0, 0, 0, 0, 8], ...zeros('carried') }),
    },
    expected: [],
  },
  {
    // 收到…共0件: section 三 is not in the source; 县政府门户网站…493条 has no gov2021 cell.
    file: 'corpus/2022-hukou-weijianwei-1.txt', compared: [],
    format: 'gov2021',
    year: 2022,
    values: {
      'active.regulation.issued': 0, 'active.regulation.repealed': 0, 'active.regulation.inForce': 0,
      'active.normative.issued': 0, 'active.normative.repealed': 0, 'active.normative.inForce': 0,
      'active.license.decisions': 325, 'active.penalty.decisions': 49, 'active.coercion.decisions': 0,
    },
    expected: [],
  },
  // Empty gov2019 table in a 2022 report: nothing to compare.
  { file: 'corpus/2022-jiaxian-xizhen-1.txt', compared: [], format: 'gov2019', year: 2022, values: {}, expected: [] },
  {
    // 共受理政府信息公开申请2件 vs 本年新收 3 (上年结转 0).
    file: 'corpus/2023-changchun-jsbm-1.txt', compared: ['2件=3'],
    format: 'gov2021',
    year: 2023,
    values: {
      'active.regulation.issued': 0, 'active.regulation.repealed': 0, 'active.regulation.inForce': 0,
      'active.normative.issued': 0, 'active.normative.repealed': 0, 'active.normative.inForce': 0,
      'active.license.decisions': 0, 'active.penalty.decisions': 0, 'active.coercion.decisions': 0, 'active.fee.amount': 0,
      ...apply({ new: [3, 0, 0, 0, 0, 0, 3], ...zeros('carried') }),
    },
    expected: [
      { cells: ['apply.new.total'], sentence: '本年度,共受理政府信息公开申请2件,都在法定期限内予以答复', figure: '2件', table: 3 },
    ],
  },
  {
    // 门户网站公开政府信息50条 has no gov2021 cell.
    file: 'corpus/2023-qu-tongjiju-61150-1.txt', compared: [],
    format: 'gov2021',
    year: 2023,
    values: { 'active.normative.issued': 0, ...apply({ new: [_, _, _, _, _, _, 0], carried: [_, _, _, _, _, _, 0] }) },
    expected: [],
  },
  {
    // No figures in the narrative.
    file: 'corpus/2024-longgang-dept-1.txt', compared: [],
    format: 'gov2021',
    year: 2024,
    values: { 'active.normative.issued': 5, ...apply({ new: [58, 7, 0, 0, 1, 0, 66], carried: [2, 0, 0, 0, 0, 0, 2] }) },
    expected: [],
  },
  {
    // Every compared figure agrees: 规章22, 规范性文件34, 受理1295, 办结1191, 上年结转189, 予以公开及部分公开
    // 206+2=208, 不予公开20, 无法提供513+48+3=564, 不予处理62+16+1+1+0=80, 其他处理43+0+276=319.
    file: 'corpus/2025-shanghai-office-1.txt', compared: ['22件=22', '34件=34', '1295件=1295', '1191件=1191', '189件=189', '208件=208', '20件=20', '564件=564', '80件=80', '319件=319'],
    format: 'gov2021',
    year: 2025,
    values: {
      'active.regulation.issued': 22, 'active.normative.issued': 34,
      'active.license.decisions': 0, 'active.penalty.decisions': 0, 'active.coercion.decisions': 0, 'active.fee.amount': 0,
      'apply.new.total': 1295, 'apply.carried.total': 189, 'apply.granted.total': 206, 'apply.partial.total': 2,
      ...Object.fromEntries(WITHHELD.map((r, i) => [`apply.withheld.${r}.total`, [4, 0, 1, 0, 9, 1, 0, 5][i]!])),
      ...Object.fromEntries(UNABLE.map((r, i) => [`apply.unable.${r}.total`, [513, 48, 3][i]!])),
      'apply.ignored.complaint.total': 62, 'apply.ignored.repeat.total': 16, 'apply.ignored.publication.total': 1,
      'apply.ignored.massive.total': 1, 'apply.ignored.confirm.total': 0,
      'apply.other.overdueSupplement.total': 43, 'apply.other.overdueFee.total': 0, 'apply.other.misc.total': 276,
      'apply.total.total': 1191, 'apply.carryForward.total': 293,
      'appeal.review.total': 55, 'appeal.suitDirect.total': 12, 'appeal.suitAfterReview.total': 22,
    },
    expected: [],
  },
];

const squash = (s: string) => s.replace(/\s+/g, '');

/** The narrative of a file: the text itself (table rows are ignored by the check) or, for HTML, the text outside tables. */
function narrativeOf(file: string, src: string): string {
  return file.endsWith('.html') ? textOutsideTables(parseHtmlDocument(src).body) : src;
}

function assertFindings(findings: Finding[], text: string, c: Case, values: Values) {
  expect(findings.map((f) => ({ cells: f.cells, sentence: squash(text.slice(f.span!.start, f.span!.end)) }))).toEqual(
    c.expected.map((e) => ({ cells: e.cells, sentence: e.sentence })),
  );
  findings.forEach((f, i) => {
    const e = c.expected[i]!;
    expect(f.rule).toBe('P-TEXT');
    expect(f.severity).toBe('warning');
    expect(f.message).toContain(e.figure);
    expect(f.message).toContain(e.sentence.slice(0, 20));
    expect(f.message).toContain(cellLabel(c.format, e.cells[0]!));
    expect(f.message).toContain(String(e.table));
    // The table value stated is the one typed by hand.
    const sum = e.cells.reduce((a, id) => a + (values[id] ?? 0), 0);
    if (e.cells.every((id) => typeof values[id] === 'number')) expect(sum).toBe(e.table);
  });
}

describeReal('narrative check on the corpus and seeds, table values typed by hand', () => {
  for (const c of CASES) {
    it(c.file, () => {
      const src = readFileSync(sharedPath(c.file), 'utf8');
      const text = narrativeOf(c.file, src);
      const input = { format: c.format, year: c.year, values: c.values };
      expect(compareNarrative(text, input).filter((x) => x.table !== null).map((x) => `${x.claim.figure}=${x.table}`)).toEqual(c.compared);
      assertFindings(checkNarrative(text, input), text, c, c.values);
    });
  }
});

describeReal('narrative check end to end through the reader', () => {
  for (const c of CASES) {
    it(c.file, () => {
      const src = readFileSync(sharedPath(c.file), 'utf8');
      const report = (c.file.endsWith('.html') ? readHtml(src, c.file) : readText(src, c.file))[0]!;
      const values = valuesOf(report);
      const text = report.narrative || narrativeOf(c.file, src);
      const input = report.format ? { format: report.format, year: report.year, values } : null;
      const compared = input ? compareNarrative(text, input).filter((x) => x.table !== null) : [];
      expect(compared.map((x) => `${x.claim.figure}=${x.table}`)).toEqual(c.compared);
      assertFindings(input ? checkNarrative(text, input) : [], text, c, values);
    });
  }
}, HEAVY);

describe('silence without table values', () => {
  it('a narrative full of figures gives nothing when the table has no values', () => {
    const text = '全年共受理政府信息公开申请29件，予以公开12件。';
    expect(checkNarrative(text, { format: 'gov2021', year: 2023, values: {} })).toEqual([]);
    expect(checkNarrative(text, { format: 'gov2021', year: 2023, values: { 'apply.new.total': null, 'apply.granted.total': null } })).toEqual([]);
  });
});
