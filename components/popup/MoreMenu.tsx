import type { JSX } from 'preact';

/** Rarely used actions, out of the everyday row: 导出, 在此网站停用/启用, the saved data. */
export function MoreMenu({ enabled, toggle, exportAs, openSaved, openBatch }: {
  enabled: boolean;
  toggle: () => void;
  exportAs?: (kind: 'json' | 'csv') => void;
  openSaved: () => void;
  /** The 批量审核 page, for the supervising office. */
  openBatch?: () => void;
}): JSX.Element {
  return (
    <details class="more">
      <summary>更多操作</summary>
      <div class="menu">
        {exportAs && (
          <>
            <button onClick={() => exportAs('csv')}>导出本年数据为表格（CSV，可用 Excel 打开）</button>
            <button onClick={() => exportAs('json')}>导出本年数据文件（JSON，供再次导入）</button>
          </>
        )}
        <button onClick={openSaved}>已保存的数据与设置</button>
        {openBatch && <button onClick={openBatch}>批量审核多份年报（政务公开办用）</button>}
        <button onClick={toggle}>{enabled ? '在此网站停用' : '在此网站启用'}</button>
        <p class="small muted">
          {enabled
            ? `停用立即生效：此页面上的提示马上移除，以后打开此网站的页面也不再检查，直到在这里重新启用。`
            : `启用立即生效：此页面马上开始检查。`}
        </p>
      </div>
    </details>
  );
}
