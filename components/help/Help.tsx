import { FORMATS, formatTitle } from '@/lib/formats';
import { OTHER_CHECKS, declaredFamilies, type RuleFamily } from '@/lib/help/families';
import type { Severity } from '@/lib/report';
import { ConfirmPicture, PrefillPicture, SeverityPicture, SumPicture } from './pictures';

const KIND: Record<Severity, string> = { error: '强制性', warning: '核实性', info: '提示' };
const SHORT = { gov2021: '2021年版', gov2019: '2019年版', gov2014: '2014年版', local: '地方表' } as const;

/** The 「说明」 page: what the two kinds of problem mean, what is checked, pre-fill and confirmations. */
export function Help() {
  const families = [...declaredFamilies(), ...OTHER_CHECKS];
  return (
    <main class="help">
      <h1>年报助手 · 说明</h1>
      <p>年报助手在您填写政府信息公开工作年度报告的统计表时，随时核对各项数字，把有问题的格子标出来。它只提示，不会改动您的文章。</p>

      <section aria-labelledby="kinds">
        <h2 id="kinds">强制性问题与核实性问题</h2>
        <SeverityPicture />
        <p>这两个词与统计联网直报的审核规则意思相同：</p>
        <ul>
          <li><strong class="sev-error">强制性问题</strong>：数字之间的关系一定不成立，例如总计不等于各项之和。必须改正后才能报送，不能用说明代替。</li>
          <li><strong class="sev-warning">核实性问题</strong>：数字可能有误，也可能确实如此，例如本年「上年结转」与上年报告不同。请核实：填错了就改；确实没错，就写一句核实说明后标为「已核实」。</li>
          <li><strong>提示</strong>：供参考，例如空白格按其他格推算应填的数，不影响报送。</li>
        </ul>
        <p>有问题的格子四周画框（强制性为红色实线，核实性为橙色虚线），右上角有标记，鼠标移上去显示说明。只用键盘时：按 Alt+Shift+J 跳到下一个问题并打开说明，按 Enter 改为建议的数，按 Esc 关闭说明回到编辑器（快捷键可在浏览器的「扩展程序 › 键盘快捷键」中更改）。</p>
      </section>

      <section aria-labelledby="rules">
        <h2 id="rules">检查哪些内容</h2>
        <SumPicture />
        <table class="families">
          <thead>
            <tr><th scope="col">检查项</th><th scope="col">检查什么</th><th scope="col">类别</th><th scope="col">适用表式</th></tr>
          </thead>
          <tbody>
            {families.map((f) => (
              <Family key={f.id} family={f} />
            ))}
          </tbody>
        </table>
        <p class="muted">表式：{(['gov2021', 'gov2019', 'gov2014'] as const).map((f) => formatTitle(FORMATS[f])).join('；')}；更早的地方统计表按其中的合计关系宽松检查。</p>
      </section>

      <section aria-labelledby="prefill">
        <h2 id="prefill">从上年数据预填</h2>
        <PrefillPicture />
        <ol>
          <li>去年填好报告后，在年报助手的弹出窗口点「保存本年数据」；也可以在设置页「导入上年报告」，读取上年已发布的网页、Word 或 PDF 文件。</li>
          <li>今年填写时点「从上年数据预填」，先列出要填哪些格、填什么数，确认后才写入。</li>
          <li>只填表三「上年结转」一行中还空着的格，已填的数（包括0）一概不动。填错了可以点「撤销预填」还原。</li>
        </ol>
      </section>

      <section aria-labelledby="confirm">
        <h2 id="confirm">核实说明（标为已核实）</h2>
        <ConfirmPicture />
        <ul>
          <li>核实性问题核实无误后，点「已核实」并写一句核实说明，例如「本年另有3件为上年受理、本年办结」。说明必须填写。</li>
          <li>已核实的问题不再计入问题个数，显示为灰色，说明随本年数据一起保存、导出，并印在审核单上。</li>
          <li>如果它涉及的格子后来改了数，这个问题会重新出现，需要再次核实。</li>
          <li>强制性问题不能标为已核实，只能改正。</li>
        </ul>
      </section>

      <section aria-labelledby="sheet">
        <h2 id="sheet">审核单</h2>
        <p>设置页「已保存的年报数据」中每一年都有「打印审核单」：一页纸列出单位、年度、三张统计表和全部问题及核实说明，可直接打印，或在打印窗口中选「另存为 PDF」后发给政务公开办。</p>
      </section>
    </main>
  );
}

function Family({ family: f }: { family: RuleFamily }) {
  return (
    <tr data-family={f.id}>
      <th scope="row">{f.title}</th>
      <td>{f.what}</td>
      <td>{f.severities.map((s) => KIND[s]).join('、')}</td>
      <td>{f.formats.length === 4 ? '全部' : f.formats.map((x) => SHORT[x]).join('、')}</td>
    </tr>
  );
}
