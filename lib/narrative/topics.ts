import { FORMATS, type FormatId } from '../formats';
import type { Values } from '../report';
import type { Unit } from './figures';

/**
 * What a narrative figure is about, recognised by the words right before it (`lead`, anchored at
 * the end of the text before the number), and the cell(s) whose sum it states.
 */
export interface Topic {
  /** The figure as the narrative names it, for messages: 予以公开. */
  name: string;
  lead: RegExp;
  units: readonly Unit[];
  /** Cells whose sum the figure states; null = the figure is recognised but not comparable (block). */
  operands: ((values: Values) => string[]) | null;
  /** A total: after 其中 the same words describe a sub-scope. */
  total?: boolean;
  /** Must occur in the sentence before the figure (诉讼 only after 行政复议/行政诉讼). */
  context?: RegExp;
  /** Amount in 万元 (a figure in 元 is converted). */
  amount?: boolean;
  /**
   * Document cells (规章, 规范性文件 × 制发, 废止 …). A list goes on without repeating words:
   * 制发规章2件，行政规范性文件3件 (`rowItem`: same column), 制发规章2件，废止1件 (`colItem`: same row).
   */
  doc?: { row: string; col: string; rowItem: RegExp; colItem: RegExp };
  /** When the text right after the figure matches, the figure states these cells instead (…30件（含上年结转2件）). */
  widen?: { after: RegExp; cells: string[] };
  /** Other cell sums the same words may mean; the figure agrees when it equals any of them. */
  alts?: string[][];
  /** Sub-rows named by their reason (因本机关不掌握…无法提供2件): without 等, the figure may state just those. */
  reasons?: readonly (readonly [RegExp, string])[];
  /** Also recognised by a verb before and a noun after the figure: 收到8份政府信息公开申请. */
  tail?: { lead: RegExp; after: RegExp };
}

/** Words allowed between the keyword and the number: 予以公开共计12件, 申请数量为8件. */
const FILL = '(?:共计|合计|总计|共|计|分别为|为|达到|达|了|有|数量|数|:)';
const end = (src: string) => new RegExp(`(?:${src})${FILL}*$`);

const APP_UNITS: readonly Unit[] = ['件', '份', '起', '宗', '个', '次', '件次'];
const DOC_UNITS: readonly Unit[] = ['件', '个', '部', '份', '篇'];
const DECISION_UNITS: readonly Unit[] = ['件', '个', '起', '宗', '次', '份'];
const INFO_UNITS: readonly Unit[] = ['条', '件', '篇', '个'];
const EVENT_UNITS: readonly Unit[] = ['次', '场', '期'];
const MONEY_UNITS: readonly Unit[] = ['万元', '元'];

const APP_NOUN = '(?:(?:政府信息公开|信息公开|政府信息|信息)?(?:的)?申请|(?:信息)?依申请公开(?:政府信息)?(?:的)?(?:申请)?)';
/** A verb of receiving applications (受理, 收到…). */
const RECEIVE_VERB = '(?:受理|收到|接收|接到|收悉|新收)(?:了)?(?:各类)?(?:本年度?)?';
/** Qualifier between a verb and a document kind: 市政府, 市政府及市政府办公厅 (scope words are refused elsewhere). */
const Q = '(?:(?!规章|规范性文件|文件)[^，,、；;。|等]){0,12}?';
const NOT_LIST_OR = '(?<!和|及|与|、|或)';

/** After a received-applications figure: （含上年结转N件）, （新收…）: the figure is 新收 + 上年结转. */
const WITH_CARRIED = /^[,，]?(?:[（(](?:其中)?(?:含|包括|包含)?|(?:其中|含|包括|包含)+)(?:本年度?)?(?:新收|(?:上年度?|上一年度?|去年)结转)/;
const NEW_AND_CARRIED = ['apply.new.total', 'apply.carried.total'];
/** 收到8份政府信息公开申请: the verb before the number, the noun after the unit. */
const RECEIVED_TAIL = {
  lead: new RegExp(`${RECEIVE_VERB}${FILL}*$`),
  after: /^(?:的)?(?:政府信息公开|信息公开|政府信息|依申请公开)?(?:的)?申请/,
};

/** Older wording names a result row by its answer: 同意公开答复9件, 部分公开答复0件, 不予公开答复2件. */
const ANSWERED = '(?:答复)?(?:的)?';
/** 答复 of all applications, not after a result word (同意公开答复). */
const ANSWER_OF_ALL = '(?<!公开|处理|提供)答复';

const reasons = (group: string, list: [RegExp, string][]) => list.map(([re, row]) => [re, `apply.${group}.${row}.total`] as const);
/** The reasons of section 三's sub-rows as narratives put them. */
const REASONS = {
  withheld: reasons('withheld', [
    [/国家秘密/, 'stateSecret'], [/法律行政法规|法律法规禁止/, 'lawForbidden'], [/三安全一稳定|危及/, 'threeSafety'],
    [/第三方/, 'thirdParty'], [/内部事务/, 'internal'], [/过程性/, 'process'], [/执法案卷/, 'enforcement'], [/行政查询/, 'query'],
  ]),
  unable: reasons('unable', [[/不掌握|不存在/, 'notHeld'], [/另行制作|没有现成/, 'needCreate'], [/不明确|补正/, 'unclear']]),
  ignored: reasons('ignored', [
    [/信访|举报|投诉/, 'complaint'], [/重复/, 'repeat'], [/出版物/, 'publication'], [/大量反复/, 'massive'], [/确认|重新出具/, 'confirm'],
  ]),
  other: reasons('other', [[/不补正/, 'overdueSupplement'], [/缴纳|缴费|收费/, 'overdueFee']]),
};

const one = (id: string) => () => [id];
const constant = (ids: string[]) => () => ids;

/** Row totals of a group of section 三 present in the format: apply.withheld.*.total. */
function groupRows(format: FormatId, group: string): string[] {
  return FORMATS[format].cells
    .map((c) => c.id)
    .filter((id) => id.startsWith(`apply.${group}.`) && id.endsWith('.total') && id !== `apply.${group}.total`);
}

function applyTopics(format: FormatId): Topic[] {
  const otherOps = (v: Values) =>
    format === 'gov2019' || 'apply.other.total' in v ? ['apply.other.total'] : groupRows(format, 'other');
  const blockCombined: Topic = {
    name: '行政复议和行政诉讼合计',
    lead: end('行政复议(?:和|及|与|、|或)(?:提起)?(?:行政)?诉讼(?:案件|案)?'),
    units: APP_UNITS,
    operands: null,
  };
  return [
    blockCombined,
    { name: '本年新收的申请', lead: end(`(?:本年度?)?新收(?:了)?${APP_NOUN}?`), units: APP_UNITS, operands: one('apply.new.total') },
    {
      name: '收到的政府信息公开申请',
      lead: end(`${RECEIVE_VERB}${APP_NOUN}(?:的)?`),
      units: APP_UNITS,
      operands: one('apply.new.total'),
      total: true,
      // 受理 is often said of 新收 + 上年结转 without saying so: either reading agrees.
      alts: [NEW_AND_CARRIED],
      widen: { after: WITH_CARRIED, cells: NEW_AND_CARRIED },
      tail: RECEIVED_TAIL,
    },
    // before 办结（答复）: 转下一年度办理答复的有1件 is carried forward
    {
      name: '结转下年度继续办理的申请',
      lead: end(`(?:结转|转|顺延)(?:至|到)?下(?:一)?年度?(?:继续)?(?:办理|答复|处理){0,2}(?:的)?${APP_NOUN}?`),
      units: APP_UNITS,
      operands: one('apply.carryForward.total'),
    },
    {
      name: '办结（答复）的申请',
      // 同意公开答复: the answer of one result row, not all answers
      lead: end(`(?<!按时|按期|及时|延期|逾期|超期)(?:办结|${ANSWER_OF_ALL}|办理完毕|办理完结)(?:了)?${APP_NOUN}?(?:的)?`),
      units: APP_UNITS,
      operands: one('apply.total.total'),
      total: true,
    },
    { name: '上年结转的申请', lead: end(`(?:上年度?|上一年度?|去年)结转(?:的)?${APP_NOUN}?`), units: APP_UNITS, operands: one('apply.carried.total') },
    { name: '予以公开及部分公开', lead: end('予以公开(?:及|和|与|、|或者|或)部分公开'), units: APP_UNITS, operands: constant(['apply.granted.total', 'apply.partial.total']) },
    {
      name: '予以公开',
      lead: end(`(?<!不|主动)(?:予以公开|(?<!不)同意公开)${ANSWERED}`),
      units: APP_UNITS,
      operands: one('apply.granted.total'),
      widen: { after: /^[,，]?[（(]?(?:其中)?(?:含|包括|包含)部分公开/, cells: ['apply.granted.total', 'apply.partial.total'] },
    },
    { name: '部分公开', lead: end(`部分公开${ANSWERED}`), units: APP_UNITS, operands: one('apply.partial.total') },
    { name: '不予公开', lead: end(`(?:不予(?:以)?公开|不同意公开)${ANSWERED}`), units: APP_UNITS, operands: () => groupRows(format, 'withheld'), reasons: REASONS.withheld },
    { name: '无法提供', lead: end('无法提供'), units: APP_UNITS, operands: () => groupRows(format, 'unable'), reasons: REASONS.unable },
    { name: '不予处理', lead: end('不予(?:以)?处理'), units: APP_UNITS, operands: () => groupRows(format, 'ignored'), reasons: REASONS.ignored },
    { name: '其他处理', lead: end('其他处理'), units: APP_UNITS, operands: otherOps, reasons: REASONS.other },
    { name: '复议后起诉的行政诉讼', lead: end('复议后(?:提起)?(?:行政)?(?:起诉|诉讼)(?:案件|案)?'), units: APP_UNITS, operands: one('appeal.suitAfterReview.total') },
    { name: '未经复议直接起诉的行政诉讼', lead: end('直接(?:提起)?(?:行政)?(?:起诉|诉讼)(?:案件|案)?'), units: APP_UNITS, operands: one('appeal.suitDirect.total') },
    { name: '行政复议', lead: end(`${NOT_LIST_OR}行政复议(?:案件|案|申请)?`), units: APP_UNITS, operands: one('appeal.review.total') },
    {
      name: '行政诉讼',
      lead: end(`${NOT_LIST_OR}(?:行政)?诉讼(?:案件|案)?`),
      units: APP_UNITS,
      context: /行政(?:诉讼|复议)/,
      operands: constant(['appeal.suitDirect.total', 'appeal.suitAfterReview.total']),
    },
  ];
}

const DOC_ROWS = [
  { row: 'regulation', name: '规章', re: '规章' },
  { row: 'normative', name: '行政规范性文件', re: '(?:行政)?规范性文件' },
] as const;

/** Verbs of section 二's document columns, per format. */
const DOC_VERBS: Record<'gov2021' | 'gov2019', { col: string; verb: string; name: string }[]> = {
  gov2021: [
    { col: 'repealed', verb: '(?:废止|废除|宣布失效)', name: '废止' },
    { col: 'inForce', verb: '现行有效(?:的)?', name: '现行有效' },
    { col: 'issued', verb: '(?:制发|制定|出台|印发|发布|主动公开|新制定|新制发|新出台)', name: '制发' },
  ],
  gov2019: [
    { col: 'made', verb: '(?:制发|制定|出台|印发|新制作|制作|新制定)', name: '制作' },
    { col: 'published', verb: '(?:(?<!申请)公开|发布)', name: '公开' },
  ],
};

function docTopics(format: 'gov2021' | 'gov2019'): Topic[] {
  const out: Topic[] = [];
  for (const v of DOC_VERBS[format])
    for (const d of DOC_ROWS)
      out.push({
        name: `${v.name}${d.name}`,
        lead: end(`${v.verb}(?:了)?${Q}${d.re}`),
        units: DOC_UNITS,
        operands: one(`active.${d.row}.${v.col}`),
        doc: { row: d.row, col: v.col, rowItem: new RegExp(`^${Q}${d.re}${FILL}*$`), colItem: new RegExp(`^${v.verb}${FILL}*$`) },
      });
  return out;
}


function decisionTopics(): Topic[] {
  return [
    { row: 'license', name: '行政许可' },
    { row: 'penalty', name: '行政处罚' },
    { row: 'coercion', name: '行政强制' },
  ].map((d) => ({
    name: `${d.name}处理决定`,
    lead: end(`${d.name}(?:处理)?(?:决定书|决定|案件|办件)?`),
    units: DECISION_UNITS,
    operands: one(`active.${d.row}.decisions`),
  }));
}

const gov2021: Topic[] = [
  ...applyTopics('gov2021'),
  ...docTopics('gov2021'),
  ...decisionTopics(),
  { name: '行政事业性收费金额', lead: end('行政事业性收费(?:金额|收入)?'), units: MONEY_UNITS, operands: one('active.fee.amount'), amount: true },
];

const gov2019: Topic[] = [...applyTopics('gov2019'), ...docTopics('gov2019'), ...decisionTopics()];

const CHANNEL_VERB = '(?:上)?(?:主动)?(?:公开|发布)(?:了)?(?:政府)?(?:信息)?';
const NAME = '(?:“[^”]{1,12}”)?';
const gov2014: Topic[] = [
  { name: '行政复议和行政诉讼合计', lead: end('行政复议(?:和|及|与|、|或)(?:提起)?(?:行政)?诉讼(?:案件|案)?'), units: APP_UNITS, operands: null },
  { name: '主动公开规范性文件', lead: end('主动公开(?:了)?(?:行政)?规范性文件'), units: DOC_UNITS, operands: one('c.active.normativePublished') },
  { name: '制发规范性文件', lead: end('(?:制发|制定|印发|出台)(?:了)?(?:行政)?规范性文件'), units: DOC_UNITS, operands: one('c.active.normativeIssued') },
  { name: '政府网站公开的信息', lead: end(`(?:政府门户网站|门户网站|政府网站|官方网站|官网)${NAME}${CHANNEL_VERB}`), units: INFO_UNITS, operands: one('c.channels.website') },
  { name: '政务微博公开的信息', lead: end(`(?:政务)?微博${NAME}${CHANNEL_VERB}`), units: INFO_UNITS, operands: one('c.channels.weibo') },
  { name: '政务微信公开的信息', lead: end(`(?:政务)?微信(?:公众号|公众平台|平台)?${NAME}${CHANNEL_VERB}`), units: INFO_UNITS, operands: one('c.channels.wechat') },
  { name: '政府公报公开的信息', lead: end(`(?:政府)?公报${NAME}(?:上)?(?:公开|发布|刊登)(?:了)?(?:政府)?(?:信息)?`), units: INFO_UNITS, operands: one('c.channels.gazette') },
  // After the channels: 通过门户网站主动公开政府信息N条 is a channel.
  { name: '主动公开政府信息', lead: end('主动公开(?:了)?(?:各类)?(?:政府)?信息'), units: INFO_UNITS, operands: one('c.active.total'), total: true },
  ...(
    [
      ['网络|网上|在线', 'online', '网络申请'],
      ['当面|现场', 'inPerson', '当面申请'],
      ['传真', 'fax', '传真申请'],
      ['信函|来信', 'letter', '信函申请'],
    ] as const
  ).map(([re, id, name]): Topic => ({
    name,
    lead: end(`${RECEIVE_VERB}(?:${re})(?:政府信息公开|信息公开|政府信息)?(?:的)?申请`),
    units: APP_UNITS,
    operands: one(`c.apply.received.${id}`),
  })),
  { name: '收到的申请', lead: end(`${RECEIVE_VERB}${APP_NOUN}(?:的)?`), units: APP_UNITS, operands: one('c.apply.received.total'), total: true, tail: RECEIVED_TAIL },
  { name: '办结的申请', lead: end(`(?<!按时|按期|及时|延期|逾期|超期)(?:办结|办理完毕)(?:了)?${APP_NOUN}?`), units: APP_UNITS, operands: one('c.apply.closed.total'), total: true },
  { name: '答复的申请', lead: end(`(?<!按时|按期|及时|延期|逾期|超期)答复(?:了)?${APP_NOUN}?`), units: APP_UNITS, operands: one('c.apply.answered.total'), total: true },
  { name: '同意部分公开', lead: end('部分公开'), units: APP_UNITS, operands: one('c.apply.answered.partial') },
  { name: '不同意公开', lead: end('(?:不同意公开|不予(?:以)?公开)'), units: APP_UNITS, operands: one('c.apply.answered.refused.total') },
  { name: '同意公开', lead: end('(?<!不|主动)(?:同意公开|予以公开)'), units: APP_UNITS, operands: one('c.apply.answered.granted') },
  { name: '申请信息不存在', lead: end('信息不存在'), units: APP_UNITS, operands: one('c.apply.answered.notExist') },
  { name: '行政复议', lead: end(`${NOT_LIST_OR}行政复议(?:案件|案|申请)?`), units: APP_UNITS, operands: one('c.review.total') },
  { name: '行政诉讼', lead: end(`${NOT_LIST_OR}(?:行政)?诉讼(?:案件|案)?`), units: APP_UNITS, context: /行政(?:诉讼|复议)/, operands: one('c.suit.total') },
  { name: '举报投诉', lead: end('举报(?:和|及|或)?投诉'), units: APP_UNITS, operands: one('c.complaints') },
  { name: '依申请公开收取的费用', lead: end('收取(?:的)?(?:信息公开)?(?:费用|处理费|检索费|复制费)'), units: MONEY_UNITS, operands: one('c.fees'), amount: true },
  { name: '新闻发布会', lead: end('(?:参加|举办|召开)(?:或举办)?(?:了)?新闻发布会'), units: EVENT_UNITS, operands: one('c.response.channels.pressConf') },
  { name: '政府网站在线访谈', lead: end('在线访谈'), units: EVENT_UNITS, operands: one('c.response.channels.interview') },
  { name: '政府信息公开工作会议', lead: end('召开(?:了)?(?:政府信息公开|政务公开|信息公开)?(?:工作)?(?:专题)?会议'), units: EVENT_UNITS, operands: one('c.meetings.meetings') },
  { name: '培训班', lead: end(`(?:开展|举办|组织)(?:了)?${Q}培训(?:班|会)?`), units: ['次', '期', '场', '个'], operands: one('c.meetings.trainings') },
  { name: '接受培训人员', lead: end('(?:(?:接受|接收)(?:了)?培训(?:的)?(?:人员)?|培训人员)'), units: ['人', '人次', '名'], operands: one('c.meetings.trainees') },
];

/** Topics of a format, most specific first (the first whose lead matches wins). `local` has none. */
export const TOPICS: Record<FormatId, readonly Topic[]> = { gov2021, gov2019, gov2014, local: [] };

