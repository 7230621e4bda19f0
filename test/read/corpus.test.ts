import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readFile } from '@/lib/read';
import { valuesOf } from '@/lib/report';
import { describeReal, sharedPath } from '../real-reports';
import { DOCS19, DOCS21, ITEMS19, N, appeal, apply, blank7, row, zero7 } from './expect';
import { HEAVY } from '../helpers/heavy';

/** Every file of ../shared/corpus and seeds 001, 003, with values typed by hand from the source. */
const read = async (path: string) => {
  const bytes = new Uint8Array(readFileSync(sharedPath(path)));
  const [r] = await readFile(bytes, path.split('/').pop()!);
  return r!;
};

const active21 = (reg: (number | null)[], norm: (number | null)[], license: number, penalty: number, coercion: number, fee?: number) => ({
  ...row('active.regulation', DOCS21, reg),
  ...row('active.normative', DOCS21, norm),
  'active.license.decisions': license,
  'active.penalty.decisions': penalty,
  'active.coercion.decisions': coercion,
  ...(fee === undefined ? {} : { 'active.fee.amount': fee }),
});

describeReal('corpus: every value as published', () => {
  it('2019 Shanghai office (HTML, gov2019, blank 总计 column, 251000元)', async () => {
    const r = await read('corpus/2019-shanghai-office-1.html');
    expect([r.format, r.year, r.body]).toEqual(['gov2019', 2019, '上海市人民政府办公厅']);
    expect(valuesOf(r)).toEqual({
      ...row('active.regulation', DOCS19, [13, 13, 524]),
      ...row('active.normative', DOCS19, [60, 60, 368]),
      ...row('active.license', ITEMS19, [0, 0, 0]),
      ...row('active.otherService', ITEMS19, [0, 0, 0]),
      ...row('active.penalty', ITEMS19, [0, 0, 0]),
      ...row('active.coercion', ITEMS19, [0, 0, 0]),
      ...row('active.fee', ['prevItems', 'delta'], [0, 0]),
      'active.procurement.items': 6,
      'active.procurement.amount': 25.1,
      ...apply('new', [821, 35, N, N, 2, 1, 859]),
      ...apply('carried', [18, N, N, N, N, N, 18]),
      ...apply('granted', [258, 12, N, N, 1, 1, N]),
      ...apply('partial', [3, N, N, N, N, N, N]),
      ...apply('withheld.stateSecret', [14, N, N, N, N, N, N]),
      ...apply('withheld.lawForbidden', blank7),
      ...apply('withheld.threeSafety', blank7),
      ...apply('withheld.thirdParty', blank7),
      ...apply('withheld.internal', [5, N, N, N, N, N, N]),
      ...apply('withheld.process', [3, 1, N, N, N, N, N]),
      ...apply('withheld.enforcement', blank7),
      ...apply('withheld.query', [10, 2, N, N, N, N, N]),
      ...apply('unable.notHeld', [252, 12, N, N, 1, N, N]),
      ...apply('unable.needCreate', [44, 3, N, N, N, N, N]),
      ...apply('unable.unclear', [25, N, N, N, N, N, N]),
      ...apply('ignored.complaint', [148, 1, N, N, N, N, N]),
      ...apply('ignored.repeat', [5, 4, N, N, N, N, N]),
      ...apply('ignored.publication', blank7),
      ...apply('ignored.massive', blank7),
      ...apply('ignored.confirm', blank7),
      ...apply('other', blank7),
      ...apply('total', [767, 35, N, N, 2, 1, 805]),
      ...apply('carryForward', [72, N, N, N, N, N, 72]),
      ...appeal('review', [5, N, N, 2, 7]),
      ...appeal('suitDirect', [8, N, N, 1, 9]),
      ...appeal('suitAfterReview', [N, N, N, N, N]),
    });
    expect(r.cells['active.procurement.amount']!.raw).toBe('251000元');
    expect(r.narrative).toContain('予以公开及部分公开258件');
    expect(r.narrative).not.toContain('结果维持');
  });

  it('2019 Wendeng (| rows, signed -417, cut short)', async () => {
    const r = await read('corpus/2019-wendeng-zhujianju-1.txt');
    expect([r.format, r.year]).toEqual(['gov2019', 2019]);
    expect(valuesOf(r)).toEqual({
      ...row('active.regulation', DOCS19, [0, 0, 0]),
      ...row('active.normative', DOCS19, [0, 8, 8]),
      ...row('active.license', ITEMS19, [716, -417, 298]),
      ...row('active.otherService', ITEMS19, [0, 0, 0]),
      ...row('active.penalty', ITEMS19, [3, 6, 9]),
      ...row('active.coercion', ITEMS19, [0, 0, 0]),
      ...row('active.fee', ['prevItems', 'delta'], [0, 0]),
      ...row('active.procurement', ['items', 'amount'], [0, 0]),
      ...apply('new', [2, 0, 0, 0, 0, 0, 2]),
      ...apply('carried', [0, 0]),
    });
    expect(r.problems.map((p) => p.code)).toContain('truncated');
  });

  it('2020 Qiliping (one cell per line)', async () => {
    const r = await read('corpus/2020-qiliping-zhen-1.txt');
    expect([r.format, r.year]).toEqual(['gov2019', 2020]);
    expect(valuesOf(r)).toEqual({
      ...row('active.regulation', DOCS19, [0, 0, 0]),
      ...row('active.normative', DOCS19, [0, 0, 0]),
      ...row('active.license', ITEMS19, [0, 0, 0]),
      ...row('active.otherService', ITEMS19, [0, 0, 0]),
      ...row('active.penalty', ITEMS19, [0, 0, 0]),
      ...row('active.coercion', ITEMS19, [0, 0, 0]),
      ...row('active.fee', ['prevItems', 'delta'], [0, 0]),
      ...row('active.procurement', ['items', 'amount'], [0, 0]),
      ...apply('new', [3, 0, 0, 0, 0, 0, 3]),
      ...apply('carried', zero7),
      ...apply('granted', [3, 0, 0, 0, 0, 0, 3]),
      ...apply('partial', zero7),
    });
  });

  it('2020 Wuhan (traditional characters, Hubei notes, extra row, "-")', async () => {
    const r = await read('corpus/2020-wuhan-sthjj-trad-1.txt');
    expect([r.format, r.year]).toEqual(['gov2019', 2020]);
    expect(valuesOf(r)).toEqual({
      ...row('active.regulation', DOCS19, [0, 0, 0]),
      ...row('active.normative', DOCS19, [2, 2, 19]),
      ...row('active.license', ITEMS19, [8, 5, 93]),
      ...row('active.otherService', ITEMS19, [117, 0, 165]),
      ...row('active.penalty', ITEMS19, [90, 0, 22]),
      ...row('active.coercion', ITEMS19, [4, 4, N]),
      ...row('active.fee', ['prevItems', 'delta'], [N, N]),
    });
  });

  it('2022 Hanyang (现行有效件数 (历史累计), 商业 企业, blank cell)', async () => {
    const r = await read('corpus/2022-hanyang-office-1.txt');
    expect([r.format, r.year]).toEqual(['gov2021', 2022]);
    expect(valuesOf(r)).toEqual({
      ...active21([0, 0, N], [5, 12, 8], 0, 0, 0, 0),
      ...apply('new', [8, 0, 0, 0, 0, 0, 8]),
      ...apply('carried', zero7),
    });
  });

  it('2022 Hukou (section 二 only)', async () => {
    const r = await read('corpus/2022-hukou-weijianwei-1.txt');
    expect([r.format, r.year, r.body]).toEqual(['gov2021', 2022, '湖口县卫生健康委员会']);
    expect(valuesOf(r)).toEqual(active21([0, 0, 0], [0, 0, 0], 325, 49, 0));
  });

  it('2022 Jiaxian (gov2019 labels in a 2022 report, empty)', async () => {
    const r = await read('corpus/2022-jiaxian-xizhen-1.txt');
    expect([r.format, r.year, r.body]).toEqual(['gov2019', 2022, '螅镇']);
    expect(valuesOf(r)).toEqual({});
    expect(r.problems.map((p) => p.code)).toContain('P-FORMAT');
  });

  it('2023 Changchun (| rows)', async () => {
    const r = await read('corpus/2023-changchun-jsbm-1.txt');
    expect([r.format, r.year]).toEqual(['gov2021', 2023]);
    expect(valuesOf(r)).toEqual({
      ...active21([0, 0, 0], [0, 0, 0], 0, 0, 0, 0),
      ...apply('new', [3, 0, 0, 0, 0, 0, 3]),
      ...apply('carried', zero7),
    });
  });

  it('2023 Qu tongjiju ("/" cells, blank applicant columns)', async () => {
    const r = await read('corpus/2023-qu-tongjiju-61150-1.txt');
    expect([r.format, r.year]).toEqual(['gov2021', 2023]);
    expect(valuesOf(r)).toEqual({
      ...active21([N, N, N], [0, 0, 0], 0, 0, 0, 0),
      ...apply('new', [N, N, N, N, N, N, 0]),
      ...apply('carried', [N, N, N, N, N, N, 0]),
      ...apply('granted', blank7),
    });
  });

  it('2024 Longgang (| rows, year from 统计期限)', async () => {
    const r = await read('corpus/2024-longgang-dept-1.txt');
    expect([r.format, r.year]).toEqual(['gov2021', 2024]);
    expect(valuesOf(r)).toEqual({
      ...active21([0, 0, 0], [5, 1, 25], 0, 0, 0, 0),
      ...apply('new', [58, 7, 0, 0, 1, 0, 66]),
      ...apply('carried', [2, 0, 0, 0, 0, 0, 2]),
      ...apply('granted', [2, 1, 0, 0, 0, 0, 3]),
      ...apply('partial', [16, 1, 0, 0, 0, 0, 17]),
      ...apply('withheld.stateSecret', zero7),
      ...apply('withheld.lawForbidden', zero7),
      ...apply('withheld.threeSafety', zero7),
      ...apply('withheld.thirdParty', zero7),
      ...apply('withheld.internal', [1, 0, 0, 0, 0, 0, 1]),
      ...apply('withheld.process', zero7),
      ...apply('withheld.enforcement', [0, 0, 0, 0, 0, 0]),
    });
  });

  it('2025 Shanghai office (PDF reading order: labels and cells out of order)', async () => {
    const r = await read('corpus/2025-shanghai-office-1.txt');
    expect([r.format, r.year, r.body]).toEqual(['gov2021', 2025, '上海市人民政府办公厅']);
    expect(valuesOf(r)).toEqual({
      ...active21([22, 22, 235], [34, 55, 189], 0, 0, 0, 0),
      ...apply('new', [1259, 36, 0, 0, 0, 0, 1295]),
      ...apply('carried', [170, 15, 0, 0, 4, 0, 189]),
      ...apply('granted', [201, 5, 0, 0, 0, 0, 206]),
      ...apply('partial', [2, 0, 0, 0, 0, 0, 2]),
      ...apply('withheld.stateSecret', [4, 0, 0, 0, 0, 0, 4]),
      ...apply('withheld.lawForbidden', zero7),
      ...apply('withheld.threeSafety', [1, 0, 0, 0, 0, 0, 1]),
      ...apply('withheld.thirdParty', zero7),
      ...apply('withheld.internal', [8, 0, 0, 0, 1, 0, 9]),
      ...apply('withheld.process', [1, 0, 0, 0, 0, 0, 1]),
      ...apply('withheld.enforcement', zero7),
      ...apply('withheld.query', [5, 0, 0, 0, 0, 0, 5]),
      ...apply('unable.notHeld', [484, 28, 0, 0, 1, 0, 513]),
      ...apply('unable.needCreate', [47, 1, 0, 0, 0, 0, 48]),
      ...apply('unable.unclear', [3, 0, 0, 0, 0, 0, 3]),
      ...apply('ignored.complaint', [61, 1, 0, 0, 0, 0, 62]),
      ...apply('ignored.repeat', [16, 0, 0, 0, 0, 0, 16]),
      ...apply('ignored.publication', [1, 0, 0, 0, 0, 0, 1]),
      ...apply('ignored.massive', [1, 0, 0, 0, 0, 0, 1]),
      ...apply('ignored.confirm', zero7),
      ...apply('other.overdueSupplement', [40, 1, 0, 0, 2, 0, 43]),
      ...apply('other.overdueFee', zero7),
      ...apply('other.misc', [264, 12, 0, 0, 0, 0, 276]),
      ...apply('total', [1139, 48, 0, 0, 4, 0, 1191]),
      ...apply('carryForward', [290, 3, 0, 0, 0, 0, 293]),
      ...appeal('review', [40, 0, 10, 5, 55]),
      ...appeal('suitDirect', [2, 0, 4, 6, 12]),
      ...appeal('suitAfterReview', [6, 0, 9, 7, 22]),
    });
    expect(r.problems).toEqual([]);
    expect(r.narrative).toContain('市政府共受理政府信息公开申请 1295 件');
  });

  it('seed 001 (gov2014 statistics table with unit column)', async () => {
    const r = await read('seeds/001_564ee96d51f4a710.txt');
    expect([r.format, r.year]).toEqual(['gov2014', 2016]);
    expect(valuesOf(r)).toEqual({
      'c.active.total': 645, 'c.active.normativePublished': 0, 'c.active.normativeIssued': 0,
      'c.channels.total': 976, 'c.channels.gazette': 0, 'c.channels.website': 927, 'c.channels.weibo': 12,
      'c.channels.wechat': 37, 'c.channels.other': 0,
      'c.proposals.total': 0, 'c.proposals.npc': 0, 'c.proposals.cppcc': 0,
      'c.response.total': 19, 'c.response.hotspots': 2, 'c.response.channels.total': 17,
      'c.response.channels.pressConf': 1, 'c.response.channels.pressConfLeader': 1,
      'c.response.channels.interview': 0, 'c.response.channels.interviewLeader': 0,
      'c.response.channels.policyExplain': 14, 'c.response.channels.social': 1, 'c.response.channels.other': 1,
      'c.apply.received.total': 1, 'c.apply.received.inPerson': 0, 'c.apply.received.fax': 0,
      'c.apply.received.online': 1, 'c.apply.received.letter': 0,
      'c.apply.closed.total': 1, 'c.apply.closed.onTime': 1, 'c.apply.closed.extended': 0,
      'c.apply.answered.total': 1, 'c.apply.answered.alreadyPublic': 0, 'c.apply.answered.granted': 1,
      'c.apply.answered.partial': 0, 'c.apply.answered.refused.total': 0,
      'c.apply.answered.refused.stateSecret': 0, 'c.apply.answered.refused.commercialSecret': 0,
      'c.apply.answered.refused.privacy': 0, 'c.apply.answered.refused.safety': 0,
      'c.apply.answered.refused.notGovInfo': 0, 'c.apply.answered.refused.otherLaw': 0,
      'c.apply.answered.notOurs': 0, 'c.apply.answered.notExist': 0, 'c.apply.answered.supplement': 0,
      'c.apply.answered.otherChannel': 0,
      'c.review.total': 0, 'c.review.upheld': 0, 'c.review.corrected': 0, 'c.review.other': 0,
      'c.suit.total': 0, 'c.suit.upheld': 0, 'c.suit.corrected': 0, 'c.suit.other': 0,
      'c.complaints': 0, 'c.fees': 0,
      'c.org.units': 1, 'c.org.readingPoints': 1, 'c.org.staff.total': 1, 'c.org.staff.fullTime': 0,
      'c.org.staff.partTime': 1, 'c.org.budget': 2,
      'c.meetings.meetings': 2, 'c.meetings.trainings': 2, 'c.meetings.trainees': 6,
    });
    expect(r.narrative).toContain('通过门户网站公开783条');
  });

  it('seed 003 (traditional, table left empty)', async () => {
    const r = await read('seeds/003_ab8d8fc693360d83.txt');
    expect([r.format, r.year]).toEqual(['gov2019', 2020]);
    expect(valuesOf(r)).toEqual(apply('partial', blank7));
  });
}, HEAVY);
