import { describe, expect, it } from 'vitest';
import type { FormatId } from '@/lib/formats';
import { extractClaims } from '@/lib/narrative';

/** The claims of a text as `cells=value`, in text order. */
function claims(text: string, format: FormatId = 'gov2021', year: number | null = 2023): string[] {
  return extractClaims(text, format, year, {}).map((c) => `${c.cells.join('+')}=${c.value}`);
}

const WITHHELD = [
  'stateSecret', 'lawForbidden', 'threeSafety', 'thirdParty', 'internal', 'process', 'enforcement', 'query',
].map((r) => `apply.withheld.${r}.total`).join('+');
const UNABLE = ['notHeld', 'needCreate', 'unclear'].map((r) => `apply.unable.${r}.total`).join('+');
const IGNORED = ['complaint', 'repeat', 'publication', 'massive', 'confirm'].map((r) => `apply.ignored.${r}.total`).join('+');
const OTHER = ['overdueSupplement', 'overdueFee', 'misc'].map((r) => `apply.other.${r}.total`).join('+');

describe('gov2021 / gov2019 mapping', () => {
  it('maps received, results, carried forward and appeals', () => {
    expect(
      claims(
        '全年共收到政府信息公开申请29件，其中予以公开12件，部分公开3件，不予公开2件，无法提供5件，不予处理1件，其他处理2件，结转下年度继续办理4件。' +
          '因政府信息公开被申请行政复议1件，提起行政诉讼2件。',
      ),
    ).toEqual([
      'apply.new.total=29', 'apply.granted.total=12', 'apply.partial.total=3', `${WITHHELD}=2`, `${UNABLE}=5`,
      `${IGNORED}=1`, `${OTHER}=2`, 'apply.carryForward.total=4', 'appeal.review.total=1',
      'appeal.suitDirect.total+appeal.suitAfterReview.total=2',
    ]);
  });

  it('reads Chinese numerals and traditional characters', () => {
    expect(claims('本年度共受理政府資訊公開申請二十三件，予以公開一百零五件，部分公開兩件。')).toEqual([
      'apply.new.total=23', 'apply.granted.total=105', 'apply.partial.total=2',
    ]);
  });

  it('received with 含上年结转 is 新收 + 上年结转; 办结…（含上年结转） keeps 受理 as 新收', () => {
    expect(claims('共受理申请30件（含上年结转2件）。')).toEqual(['apply.new.total+apply.carried.total=30', 'apply.carried.total=2']);
    expect(claims('市政府共受理政府信息公开申请 1295 件，办结 1191 件（含上年结转 189 件），均在法定期限内答复。')).toEqual([
      'apply.new.total=1295', 'apply.total.total=1191', 'apply.carried.total=189',
    ]);
  });

  it('reads the noun after the figure: 收到8份政府信息公开申请', () => {
    expect(claims('区政府办公室共收到8份政府信息公开申请，均为自然人申请。')).toEqual(['apply.new.total=8']);
  });

  it('予以公开及部分公开 is one sum; 诉讼 after 行政复议 is a suit', () => {
    expect(claims('予以公开及部分公开258件，占33.9%；信息公开类行政复议7件，诉讼9件，均获维持。')).toEqual([
      'apply.granted.total+apply.partial.total=258', 'appeal.review.total=7', 'appeal.suitDirect.total+appeal.suitAfterReview.total=9',
    ]);
  });

  it('documents, decisions and fees of section 二 (gov2021)', () => {
    expect(
      claims('全年主动公开市政府规章 22 件、市政府及市政府办公厅行政规范性文件 34 件、人事任免文件 196 件。废止规章3件。作出行政处罚决定5件，行政许可12件。行政事业性收费2.5万元。'),
    ).toEqual([
      'active.regulation.issued=22', 'active.normative.issued=34', 'active.regulation.repealed=3', 'active.penalty.decisions=5',
      'active.license.decisions=12', 'active.fee.amount=2.5',
    ]);
  });

  it('continues a list of documents by row or by column', () => {
    expect(claims('本年度制发行政规范性文件3件，废止1件，现行有效12件；制发规章2件、行政规范性文件3件。')).toEqual([
      'active.normative.issued=3', 'active.normative.repealed=1', 'active.normative.inForce=12',
      'active.regulation.issued=2', 'active.normative.issued=3',
    ]);
    // Without a preceding document figure, a bare 废止 names nothing.
    expect(claims('清理文件20件，废止1件。')).toEqual([]);
  });

  it('typical paragraphs of 依申请公开', () => {
    expect(
      claims(
        '2023年，本机关共收到政府信息公开申请15件，其中新收申请13件，上年结转申请2件。办理答复15件，其中予以公开7件，部分公开2件。' +
          '共受理申请14件，办结12件，2件结转至下年度办理。全年共受理政府信息公开申请36件（其中上年结转4件），已全部办结。',
      ),
    ).toEqual([
      'apply.new.total+apply.carried.total=15', 'apply.new.total=13', 'apply.carried.total=2', 'apply.total.total=15',
      'apply.granted.total=7', 'apply.partial.total=2', 'apply.new.total=14', 'apply.total.total=12',
      'apply.new.total+apply.carried.total=36', 'apply.carried.total=4',
    ]);
    expect(claims('全年共发布政务信息1520条，其中门户网站发布1200条。网上申请12件，信函申请3件。共办理政府信息公开申请12件。收取信息处理费0元。')).toEqual([]);
  });

  it('gov2019 tells 制作 from 公开', () => {
    expect(claims('主动公开规章13件，行政规范性文件60件。制定规范性文件2件。', 'gov2019', 2019)).toEqual([
      'active.regulation.published=13', 'active.normative.published=60', 'active.normative.made=2',
    ]);
  });
});

describe('gov2014 mapping', () => {
  it('maps 主动公开 channels, applications, meetings', () => {
    expect(
      claims(
        '2016全年主动公开政府信息645条，通过门户网站公开783条，在微信公众平台公开37条，微博公开12条。2016年收到网络政府信息公开申请1件。参加新闻发布会1次。' +
          '全年召开政府信息公开工作会议2次，开展培训2次，接收培训人员6人。',
        'gov2014',
        2016,
      ),
    ).toEqual([
      'c.active.total=645', 'c.channels.website=783', 'c.channels.wechat=37', 'c.channels.weibo=12', 'c.apply.received.online=1',
      'c.response.channels.pressConf=1', 'c.meetings.meetings=2', 'c.meetings.trainings=2', 'c.meetings.trainees=6',
    ]);
  });
  it('a channel named before 主动公开 is the channel', () => {
    expect(claims('通过门户网站主动公开政府信息120条，通过政务微博“某某发布”发布信息30条。', 'gov2014', 2016)).toEqual([
      'c.channels.website=120', 'c.channels.weibo=30',
    ]);
  });
  it('fees in 元 become 万元', () => {
    expect(claims('依申请公开收取费用500元。', 'gov2014', 2016)).toEqual(['c.fees=0.05']);
  });
});

describe('what is not compared', () => {
  it.each([
    ['another scope', '全市共受理政府信息公开申请1500件。'],
    ['subordinate units', '各部门收到政府信息公开申请20件。'],
    ['streets', '各街道共受理申请10件。'],
    ['filings (宿迁)', '全年办理行政复议备案134件。'],
    ['cumulative', '累计受理政府信息公开申请300件。'],
    ['another year', '2022年共受理政府信息公开申请12件。'],
    ['a comparison', '申请数量同比增加12件。'],
    ['a sub-scope after 其中', '共受理申请29件，其中区本级收到申请24件，网上受理申请5件。'],
    ['a list with 等', '刊登政府规章、规范性文件等112件，部门规范性文件45件。'],
    ['information, not applications', '政府信息公开网共发布信息3603条，主动公开3054条，依申请公开141条，不予公开408条。'],
    ['inquiries, not applications', '部门信箱收到群众咨询3条，均按时给予回复。'],
    ['approximation', '共受理政府信息公开申请近300件，予以公开约20件。'],
    ['percentage', '予以公开占33.9%。'],
    ['a combined count', '因政府信息公开申请行政复议和行政诉讼3件。'],
    ['on-time answers', '按时答复申请5件。'],
    ['suits without context', '诉讼费用5件。'],
    ['a figure before an unrelated noun', '收到申请后5个工作日内答复。'],
  ])('%s', (_, text) => {
    // Only the 29 of the sub-scope example is a claim.
    expect(claims(text, 'gov2021', 2023).filter((c) => c !== 'apply.new.total=29')).toEqual([]);
  });
  it('the report year itself is fine; an unknown report year disables the year test', () => {
    expect(claims('2023年共受理政府信息公开申请12件。')).toEqual(['apply.new.total=12']);
    expect(claims('2022年共受理政府信息公开申请12件。', 'gov2021', null)).toEqual(['apply.new.total=12']);
  });
  it('the local format has no mapping', () => {
    expect(claims('共受理政府信息公开申请12件。', 'local', 2010)).toEqual([]);
  });
});
