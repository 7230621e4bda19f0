/**
 * Traditional → simplified for the characters that occur in report labels and narratives
 * (reports are also read through traditional-character mirrors). Pairs: traditional, simplified.
 */
const PAIRS =
  '門门開开們们關关義义務务資资訊讯審审批批決决處处罰罚強强製制許许執执行行費费預预選选聯联網网' +
  '據据機机構构辦办結结轉转續续數数總总計计個个體体業业會会組组織织律律務务團团廳厅縣县區区鄉乡鎮镇' +
  '請请答答復复訴诉訟讼維维持持糾纠錯错尚尚審审屬属國国祕秘密密規规範范條条例例項项內内過过程程' +
  '檔档案案詢询問问無无現现另另製制補补後后確确認认獲获舉举報报投投訴诉類类複复出出版版量量當当' +
  '由由逾逾期期繳缴納纳其其他他況况年年度度發发廢废止止效效件件數数額额單单位位萬万元元採采購购' +
  '項项金金額额增增減减對对外外服服務务事事上上一一新新作作公公開开政政府府信信息息申申情情人人' +
  '自自然然商商科科研研社社益益法法其其他他總总結结果果糾纠正正維维訟讼復复議议' +
  '區区別别只只這这一一形形不不危危及及三三安安全全穩稳定定保保護护第第方方合合權权益益' +
  '屬属內内部部事事務务過过性性執执案案卷卷查查詢询掌掌握握相相關关沒没有有現现成成需需要要' +
  '補补正正後后容容仍仍明明確确訪访舉举報报複复提提供供刊刊物物無无當当理理由由大大複复反反' +
  '確确認认重重新新具具獲获取取處处理理請请逾逾補补按按收收通通知知繳缴納纳費费用用計计結结轉转' +
  '繼继續续辦办況况職职員员專专兼兼經经費费議议訓训點点閱阅設设門门戶户網网站站微微博博頁页' +
  '為为於于與与並并從从將将應应這这還还來来時时間间說说產产實实際际現现進进歷历齡龄親亲傳传' +
  '廣广東东華华陽阳漢汉鄂鄂義义寧宁遼辽雲云貴贵閩闽臺台灣湾圖图書书誌志記记錄录稱称項项' +
  '絡络級级導导種种訂订頒颁佈布總总範范圍围覽览庫库點点擊击覆覆蓋盖層层衛卫環环態态廠厂' +
  '兩两場场億亿餘余約约較较備备轄辖屆届週周統统標标';

const MAP = new Map<string, string>();
const chars = [...PAIRS];
for (let i = 0; i + 1 < chars.length; i += 2) if (chars[i] !== chars[i + 1]) MAP.set(chars[i]!, chars[i + 1]!);

/** Any traditional character of MAP (all single code points, none special inside a character class). */
const TRADITIONAL = new RegExp(`[${[...MAP.keys()].join('')}]`, 'gu');

/** `text` with every traditional character of the pairs replaced by its simplified one (most text has none). */
export function toSimplified(text: string): string {
  TRADITIONAL.lastIndex = 0;
  if (!TRADITIONAL.test(text)) return text;
  return text.replace(TRADITIONAL, (ch) => MAP.get(ch)!);
}

const VARIANTS = new Map<string, string[]>();
for (const [t, s] of MAP) VARIANTS.set(s, [...(VARIANTS.get(s) ?? []), t]);

/** Every traditional spelling of `word` (simplified) that the table of pairs knows (复: 復 and 複). */
export function traditionalSpellings(word: string): string[] {
  let out = [''];
  for (const ch of word) out = out.flatMap((w) => (VARIANTS.get(ch) ?? [ch]).map((t) => w + t));
  return out;
}
