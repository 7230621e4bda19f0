/**
 * The logical grid of a <table>: grid[row][col] = the <td>/<th> covering that slot, rowspan/colspan expanded.
 * Self-contained (no imports, no outer names) so that harness.mjs can also run it inside the page.
 */
export function tableGrid(table) {
  const rows = [];
  for (const child of table.children) {
    const tag = child.tagName.toLowerCase();
    if (tag === 'tr') rows.push(child);
    else if (tag === 'tbody' || tag === 'thead' || tag === 'tfoot') {
      for (const tr of child.children) if (tr.tagName.toLowerCase() === 'tr') rows.push(tr);
    }
  }
  const grid = rows.map(() => []);
  rows.forEach((tr, r) => {
    let c = 0;
    for (const cell of tr.children) {
      const tag = cell.tagName.toLowerCase();
      if (tag !== 'td' && tag !== 'th') continue;
      while (grid[r][c]) c++;
      const rs = Math.max(1, parseInt(cell.getAttribute('rowspan') || '1', 10) || 1);
      const cs = Math.max(1, parseInt(cell.getAttribute('colspan') || '1', 10) || 1);
      for (let i = 0; i < rs && r + i < rows.length; i++) for (let j = 0; j < cs; j++) grid[r + i][c + j] = cell;
      c += cs;
    }
  });
  return grid;
}
