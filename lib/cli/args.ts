/** `check [--json] [--prior FILE] FILE|DIR...` */
export interface CheckArgs {
  json: boolean;
  prior?: string;
  inputs: string[];
  help: boolean;
}

export function parseArgs(argv: readonly string[]): CheckArgs | { error: string } {
  const out: CheckArgs = { json: false, inputs: [], help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') out.json = true;
    else if (a === '-h' || a === '--help') out.help = true;
    else if (a === '--prior') {
      const f = argv[++i];
      if (!f) return { error: '--prior 后面需要给出上一年报告的文件' };
      out.prior = f;
    } else if (a.startsWith('--prior=')) out.prior = a.slice(8);
    else if (a.startsWith('-') && a !== '-') return { error: `不认识的选项：${a}` };
    else out.inputs.push(a);
  }
  if (!out.inputs.length && !out.help) return { error: '请给出要检查的报告文件或文件夹' };
  return out;
}

export const USAGE = `用法：npm run --silent check -- [--json] [--prior 上年报告] 文件或文件夹...
读取 .html .htm .txt .docx .pdf .json（本扩展的导出），识别年报统计表并检查数字。
  --json         以 JSON 输出：{"reports":[{"source","year","format","values","findings"}]}
  --prior 文件   上一年的报告，用于跨年度核对（上年结转、现行有效件数等）
退出码：0 没有强制性问题；1 有强制性问题；2 有文件无法读取。`;
