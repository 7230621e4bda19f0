/** `check [--json] [--prior FILE] FILE|DIR...` and `check --batch DIR_OR_FILES [--prior DIR] [--bodies FILE] [--xlsx FILE] [--csv FILE]` */
export interface CheckArgs {
  json: boolean;
  prior?: string;
  inputs: string[];
  help: boolean;
  batch: boolean;
  bodies?: string;
  xlsx?: string;
  csv?: string;
  /** 「本级=所属1,所属2」: compare the parent's 表三 with the sum of these children's. */
  parents: string[];
}

const VALUED: Record<string, { key: 'prior' | 'bodies' | 'xlsx' | 'csv' | 'parents'; missing: string }> = {
  '--prior': { key: 'prior', missing: '--prior 后面需要给出上一年报告的文件（批量时可给文件夹）' },
  '--bodies': { key: 'bodies', missing: '--bodies 后面需要给出所辖单位名单文件（每行一个名称，或 CSV）' },
  '--xlsx': { key: 'xlsx', missing: '--xlsx 后面需要给出要保存的 .xlsx 文件名' },
  '--csv': { key: 'csv', missing: '--csv 后面需要给出要保存的 .csv 文件名' },
  '--parent': { key: 'parents', missing: '--parent 后面需要给出「本级单位=所属单位1,所属单位2」' },
};

export function parseArgs(argv: readonly string[]): CheckArgs | { error: string } {
  const out: CheckArgs = { json: false, inputs: [], help: false, batch: false, parents: [] };
  const set = (key: (typeof VALUED)[string]['key'], v: string) => {
    if (key === 'parents') out.parents.push(v);
    else out[key] = v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const eq = a.indexOf('=');
    const opt = VALUED[eq > 0 ? a.slice(0, eq) : a];
    if (a === '--json') out.json = true;
    else if (a === '--batch') out.batch = true;
    else if (a === '-h' || a === '--help') out.help = true;
    else if (opt && eq > 0) set(opt.key, a.slice(eq + 1));
    else if (opt) {
      const v = argv[++i];
      if (!v) return { error: opt.missing };
      set(opt.key, v);
    } else if (a.startsWith('-') && a !== '-') return { error: `不认识的选项：${a}` };
    else out.inputs.push(a);
  }
  if (!out.inputs.length && !out.help) return { error: '请给出要检查的报告文件或文件夹' };
  if (!out.batch && (out.bodies || out.xlsx || out.csv || out.parents.length)) return { error: '--bodies、--xlsx、--csv、--parent 只用于批量审核，请同时给出 --batch' };
  return out;
}

export const USAGE = `用法：npm run --silent check -- [--json] [--prior 上年报告] 文件或文件夹...
读取 .html .htm .txt .docx .pdf .json（本扩展的导出），识别年报统计表并检查数字。
  --json         以 JSON 输出：{"reports":[{"source","year","format","values","findings"}]}
  --prior 文件   上一年的报告，用于跨年度核对（上年结转、现行有效件数等）
退出码：0 没有强制性问题；1 有强制性问题；2 有文件无法读取。

批量审核：npm run --silent check -- --batch 文件夹或文件... [--prior 上年报告文件夹] [--bodies 单位名单] [--xlsx 结果.xlsx] [--csv 结果.csv]
  每份报告一行：单位、年度、表式、状态（红/黄/绿/灰）和问题数，最后是汇总。
  同一单位上一年的报告在输入或 --prior 中时，自动做跨年度核对。
  --bodies 文件          所辖单位名单（每行一个名称，或 CSV），列出今年没有报告的单位
  --parent 本级=所属1,所属2  比较本级报告表三与所属单位之和（差异列为核实性）
  --xlsx / --csv 文件    导出审核结果和问题清单（CSV 另存一个「-问题清单.csv」）
  --json                 以 JSON 输出每份报告的结果`;
