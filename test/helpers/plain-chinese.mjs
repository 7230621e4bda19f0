// Plain Chinese on screen: every string a person sees (text, and the title/aria-label/alt/placeholder/value
// attributes) may hold Latin letters only in the allow-listed words, and never a cell id such as
// `apply.new.natural` or a rule id such as `T3-BAL`. Works on any DOM: happy-dom in Vitest, or the real
// browser through plainChineseInPage(page) (the walker uses only plainTextProblems, sent there with it).

/** Words clerks know as they are: file kinds, programs, keys (Alt+Shift+J, Ctrl+Z); English as the language menu names it. */
export const ALLOWED_LATIN = ['PDF', 'JSON', 'CSV', 'Word', 'Excel', 'WPS', 'Ctrl', 'Shift', 'Alt', 'Enter', 'Esc', 'Tab', 'J', 'Z', 'MB', 'KB', 'OFD', 'English'];

/**
 * The strings under `root` (an Element or Document) that break the rule: [{ text, word, where }].
 * `where` says which attribute or 'text'. Script and style contents are not shown, so not walked.
 */
export function plainChineseProblems(root, { allow = ALLOWED_LATIN } = {}) {
  const doc = root.nodeType === 9 ? root : root.ownerDocument;
  const top = root.nodeType === 9 ? root.documentElement : root;
  const ATTRS = ['title', 'aria-label', 'alt', 'placeholder', 'aria-description', 'aria-roledescription'];
  const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);
  const out = [];
  const check = (text, where) => out.push(...plainTextProblems(text, where, allow));
  if (root.nodeType === 9) check(doc.title, 'document.title');
  const walk = (el) => {
    if (SKIP.has(el.tagName)) return;
    for (const a of ATTRS) if (el.hasAttribute(a)) check(el.getAttribute(a), a);
    if ((el.tagName === 'INPUT' && ['button', 'submit', 'reset'].includes(el.type)) || el.tagName === 'BUTTON') check(el.value, 'value');
    if (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA') check(el.placeholder, 'placeholder');
    for (const n of el.childNodes) {
      if (n.nodeType === 3) check(n.nodeValue, 'text');
      else if (n.nodeType === 1) walk(n);
    }
    if (el.shadowRoot) for (const n of el.shadowRoot.children) walk(n);
  };
  walk(top);
  return out;
}

/** The same rule for one string (a CSV header or label, a message): [{ text, word, where }]. */
export function plainTextProblems(text, where = 'text', allow = ALLOWED_LATIN) {
  const CELL_ID = /\b[a-z][a-zA-Z]*(?:\.[a-zA-Z0-9]+)+\b/;
  const out = [];
  if (!text || !/[A-Za-z]/.test(text)) return out;
  const id = CELL_ID.exec(text);
  if (id) out.push({ text: text.trim().slice(0, 120), word: id[0], where: `${where}（格子编号）` });
  // a file name's extension (.docx, .json) is what the clerk sees in their own folders
  const EXT = ['docx', 'doc', 'json', 'csv', 'pdf', 'xlsx', 'xls', 'html', 'htm', 'txt', 'zip', 'wps'];
  for (const m of text.matchAll(/[A-Za-z][A-Za-z0-9_-]*/g)) {
    if (text[m.index - 1] === '.' && EXT.includes(m[0].toLowerCase())) continue;
    if (!allow.includes(m[0])) out.push({ text: text.trim().slice(0, 120), word: m[0], where });
  }
  return out;
}

/** The same check over a Playwright page's whole document (title included), in the browser. */
export function plainChineseInPage(page, allow = ALLOWED_LATIN) {
  return page.evaluate(`(() => { ${plainTextProblems.toString()}; return (${plainChineseProblems.toString()})(document, ${JSON.stringify({ allow })}); })()`);
}

/** One line per problem, for an assertion message. */
export function describeProblems(problems) {
  return problems.map((p) => `「${p.word}」 in ${p.where}: ${p.text}`).join('\n');
}
