import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { check } from '@/lib/check';
import { mapNarrative, mayHoldReport, readDom } from '@/lib/read/dom';
import { rereadCells } from '@/lib/read/reread';
import { LiveTracker, type TrackerDeps } from '@/lib/page/tracker';
import type { Report } from '@/lib/report';

/**
 * The tracker re-reads only the cells whose text changed when nothing else did (lib/page/value-edits.ts,
 * lib/read/reread.ts). Two trackers watch the same page — one with the incremental read, one reading every
 * change in full — and after every random edit their reports, findings and suggestions must be identical.
 */

const fixture = (p: string) => readFileSync(resolve(__dirname, '../fixtures/read', p), 'utf8');
const body = (html: string) => html.replace(/^[\s\S]*?<body>/, '').replace(/<\/body>[\s\S]*$/, '');
const REPORT = body(fixture('report-2023.html'));
const TITLE = '<h1>示例县人民政府办公室2023年政府信息公开工作年度报告</h1>';

/** The same report as an input grid: every value cell an <input>. */
function asInputGrid(html: string): string {
  return html.replace(/<td([^>]*)>((?:(?!<\/td>).)*?)<\/td>/g, (m, attrs: string, inner: string) => {
    const text = inner.replace(/<[^>]+>/g, '').trim();
    return /^[\d.]*$/.test(text) && !/colspan/.test(attrs) ? `<td${attrs}><input value="${text}"></td>` : m;
  });
}

/** The 规章 row in a table of its own before the first table with a fingerprint word: its text is part of the heading. */
function rowBeforeHeading(html: string): string {
  const row = /<tr><td[^>]*><p[^>]*><span>规章<\/span>[\s\S]*?<\/tr>/.exec(html)![0];
  return html.replace(row, '').replace('<p>二、主动公开政府信息情况</p>', `<table border="1">${row}</table><p>二、主动公开政府信息情况</p>`);
}

/** The first table alone with every row given twice: each of its cells is read from two <td>s, the later kept unless blank. */
function rowsTwice(html: string): string {
  const table = /<table[\s\S]*?<\/table>/.exec(html)![0];
  return `${TITLE}${table.replace(/<tr>[\s\S]*?<\/tr>/g, (tr) => (/<span>\d+<\/span>/.test(tr) ? tr + tr : tr))}`;
}

const PAGES: Record<string, string> = {
  editor: `<p>栏目导航：首页 政务公开</p><div contenteditable="true">${REPORT}</div>`,
  designDoc: REPORT,
  inputGrid: `<form>${TITLE}${asInputGrid(REPORT)}</form>`,
  rowBeforeHeading: rowBeforeHeading(REPORT),
  rowsTwice: rowsTwice(REPORT),
  appeal: body(fixture('shapes/appeal-three-tables.html')),
};

/** What the checker and the badges use of a report, with elements named by their place in the page. */
function view(reports: Report[], name: (el: Element) => number) {
  return reports.map((r) => ({
    source: r.source,
    format: r.format,
    year: r.year,
    body: r.body,
    title: r.title,
    narrative: r.narrative,
    problems: r.problems,
    cells: Object.entries(r.cells).map(([id, c]) => ({ ...c, id, loc: c.loc.kind === 'table' ? { ...c.loc, el: c.loc.el && name(c.loc.el) } : c.loc })),
  }));
}

function tracker(deps: TrackerDeps): LiveTracker {
  const noop = () => {};
  const t = new LiveTracker(document, deps, { checked: noop, mutated: noop, input: noop, focus: noop, layout: noop, cover: noop }, undefined, 300, () => false);
  t.start();
  return t;
}

const TEXTS = ['7', '12', '', ' ', '０８', '１２３', 'abc', '中文', '—', '-', '- ', '3.5', '1,234', '约20', '5件', '3元', '无', '2023', '本年新收', ' 9 '];

/** Text typed outside the tables: narrative figures, a heading's year, title or 统计期限, a fingerprint word, a caption. */
const WORDS = ['本机关共收到申请50件，办结48件。', '2022年', '示例县人民政府2021年政府信息公开工作年度报告', '统计期限为2022年1月1日至12月31日', '三、收到和处理政府信息公开申请情况', '规章', '行政复议', '（一）', ''];

type Edit = {
  k: 'text' | 'data' | 'split' | 'br' | 'span' | 'header' | 'row' | 'nest' | 'colspan' | 'editable' | 'input' | 'silent' | 'outside' | 'narrative' | 'caption' | 'drop';
  at: number;
  text: string;
};

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    k: fc.constantFrom('text', 'data', 'data', 'split', 'br', 'span', 'header', 'row', 'nest', 'colspan', 'editable', 'input', 'input', 'silent', 'outside'),
    at: fc.nat(),
    text: fc.constantFrom(...TEXTS),
  }),
  fc.record({ k: fc.constantFrom('narrative', 'narrative', 'caption', 'drop'), at: fc.nat(), text: fc.constantFrom(...WORDS, ...TEXTS) }),
);

/** The text nodes outside every table, in document order. */
function textsOutside(): Text[] {
  const w = document.createTreeWalker(document.body, 4);
  const out: Text[] = [];
  for (let n = w.nextNode(); n; n = w.nextNode()) if (!n.parentElement?.closest('table')) out.push(n as Text);
  return out;
}

const isValueCell = (td: Element) => /^[\s\d０-９.,—\-]*$/.test(td.textContent ?? '') && !td.querySelector('table');
const lastText = (el: Node): Text | null => {
  const w = document.createTreeWalker(el, 4);
  let t: Text | null = null;
  for (let n = w.nextNode(); n; n = w.nextNode()) t = n as Text;
  return t;
};

function apply(e: Edit): void {
  const tds = [...document.querySelectorAll('td')];
  const values = tds.filter(isValueCell);
  const inputs = [...document.querySelectorAll('input')];
  const pick = <T,>(xs: T[]) => xs[e.at % xs.length];
  switch (e.k) {
    case 'text': {
      const td = pick(values);
      if (td) td.textContent = e.text;
      return;
    }
    case 'data': {
      const t = lastText(pick(values) ?? document.body);
      if (t) t.data = e.text;
      return;
    }
    case 'split': {
      const t = lastText(pick(values) ?? document.body);
      if (t && t.data.length > 1) t.splitText(1);
      return;
    }
    case 'br':
      pick(values)?.append(document.createElement('br'));
      return;
    case 'span': {
      const s = document.createElement('span');
      s.textContent = e.text;
      pick(values)?.append(s);
      return;
    }
    case 'header': {
      const td = pick(tds.filter((x) => !isValueCell(x)));
      const t = td && lastText(td);
      if (t) t.data += e.text ? `（${e.text}）` : '';
      return;
    }
    case 'row': {
      const tr = pick(tds)?.parentElement;
      if (tr) tr.after(tr.cloneNode(true));
      return;
    }
    case 'nest': {
      const t = document.createElement('table');
      t.innerHTML = `<tr><td>${e.text}</td></tr>`;
      pick(values)?.append(t);
      return;
    }
    case 'colspan':
      pick(values)?.setAttribute('colspan', '2');
      return;
    case 'editable': {
      // an editor marking its table, or the host around the report (the narrative's root), editable or not
      const el = e.at % 2 ? document.querySelector('table') : document.querySelector('[contenteditable]') ?? document.body.firstElementChild;
      el?.setAttribute('contenteditable', el.getAttribute('contenteditable') === 'false' ? 'true' : 'false');
      return;
    }
    case 'input':
    case 'silent': {
      const input = pick(inputs);
      if (!input) return;
      input.value = e.text;
      if (e.k === 'input') input.dispatchEvent(new Event('input', { bubbles: true }));
      return;
    }
    case 'outside': {
      const p = document.querySelector('p:not(td p)');
      if (p) p.textContent += e.text;
      return;
    }
    case 'narrative': {
      // typing in a paragraph: a few characters replaced somewhere in one text node outside the tables
      const t = pick(textsOutside());
      if (!t) return;
      const i = e.at % (t.data.length + 1);
      t.replaceData(i, e.at % 3, e.text);
      return;
    }
    case 'caption': {
      const p = document.createElement('p');
      p.textContent = e.text;
      pick([...document.querySelectorAll('table')].filter((x) => !x.parentElement?.closest('table')))?.before(p);
      return;
    }
    case 'drop':
      pick([...document.querySelectorAll('p')].filter((x) => !x.closest('table')))?.remove();
      return;
  }
}

describe('reading only the cells whose text changed', () => {
  const started: LiveTracker[] = [];
  afterEach(() => {
    for (const t of started.splice(0)) t.stop();
    document.body.innerHTML = '';
    document.designMode = 'off';
  });

  function open(page: string) {
    if (page === 'designDoc') document.designMode = 'on';
    document.body.innerHTML = PAGES[page]!;
    const calls = { full: 0 };
    const base = { mayHoldReport, mapNarrative, check };
    const fast = tracker({ ...base, readDom: (d, s) => (calls.full++, readDom(d, s)), rereadCells });
    const full = tracker({ ...base, readDom });
    started.push(fast, full);
    return { fast, full, calls };
  }

  function expectSame(fast: LiveTracker, full: LiveTracker) {
    const ids = new Map<Element, number>();
    const name = (el: Element) => (ids.has(el) ? ids.get(el)! : (ids.set(el, ids.size), ids.size - 1));
    fast.flush();
    full.flush();
    const a = fast.states.get(document)!;
    const b = full.states.get(document)!;
    expect(view(a.reports, name)).toEqual(view(b.reports, name));
    expect(a.findings).toEqual(b.findings);
    expect(a.suggestions).toEqual(b.suggestions);
    expect([...a.cellOf].map(([el, c]) => [name(el as Element), c])).toEqual([...b.cellOf].map(([el, c]) => [name(el as Element), c]));
  }

  it.each(Object.keys(PAGES))('reads the page %s as a report to start from', (page) => {
    const { fast } = open(page);
    fast.flush();
    const [report, ...more] = fast.states.get(document)!.reports;
    expect(more).toEqual([]);
    expect(Object.keys(report!.cells).length).toBeGreaterThan(page === 'rowsTwice' ? 5 : 20);
    if (page === 'rowBeforeHeading') expect(report!.cells['active.regulation.issued']!.loc).toMatchObject({ table: 0 });
  });

  it('reads a digit typed into a value cell without reading the document again, and the result is the full read', () => {
    const { fast, full, calls } = open('editor');
    fast.flush();
    const before = calls.full;
    const t = lastText([...document.querySelectorAll('td')].filter(isValueCell)[3]!)!;
    t.data = '9';
    expectSame(fast, full);
    t.data = '97';
    expectSame(fast, full);
    expect(calls.full).toBe(before);
  });

  it('reads text typed outside the tables (the narrative, the heading) without reading the tables again, and the result is the full read', () => {
    const { fast, full, calls } = open('editor');
    fast.flush();
    const before = calls.full;
    const edits: Edit[] = [
      { k: 'narrative', at: 3, text: '本机关共收到申请50件，办结48件。' },
      { k: 'narrative', at: 40, text: '7' },
      { k: 'caption', at: 1, text: '三、收到和处理政府信息公开申请情况' },
      { k: 'outside', at: 0, text: '补充' },
      { k: 'drop', at: 2, text: '' },
    ];
    for (const e of edits) {
      apply(e);
      expectSame(fast, full);
    }
    expect(calls.full).toBe(before);
    expect(fast.states.get(document)!.reports[0]!.narrative).toContain('本机关共收到申请50件，办结48件。');
  });

  it('reads in full when text typed before the tables changes the heading: another year', () => {
    document.body.innerHTML = `${TITLE}${REPORT}`;
    const calls = { full: 0 };
    const fast = tracker({ mayHoldReport, mapNarrative, check, readDom: (d, s) => (calls.full++, readDom(d, s)), rereadCells });
    const full = tracker({ mayHoldReport, mapNarrative, check, readDom });
    started.push(fast, full);
    fast.flush();
    expect(fast.states.get(document)!.reports[0]!.year).toBe(2023);
    const before = calls.full;
    const t = document.querySelector('h1')!.firstChild as Text;
    t.data = t.data.replace('2023', '2022');
    expectSame(fast, full);
    expect(calls.full).toBe(before + 1);
    expect(fast.states.get(document)!.reports[0]!.year).toBe(2022);
  });

  it('reads the document in full when a row is added or a header cell changes', () => {
    const { fast, full, calls } = open('editor');
    fast.flush();
    for (const e of [{ k: 'row', at: 5, text: '' }, { k: 'header', at: 2, text: '其他' }] as Edit[]) {
      const before = calls.full;
      apply(e);
      expectSame(fast, full);
      expect(calls.full, e.k).toBe(before + 1);
    }
  });

  it('reads in full when the editing host around the report changes, not when an editor marks its table editable', () => {
    const { fast, full, calls } = open('editor');
    fast.flush();
    const digit = (d: string) => (lastText([...document.querySelectorAll('td')].filter(isValueCell)[3]!)!.data = d);
    let before = calls.full;
    document.querySelector('table')!.setAttribute('contenteditable', 'false');
    digit('6');
    expectSame(fast, full);
    expect(calls.full).toBe(before);
    before = calls.full;
    document.querySelector('div[contenteditable]')!.setAttribute('contenteditable', 'false');
    digit('5');
    expectSame(fast, full);
    expect(calls.full).toBe(before + 1);
  });

  it('reads input grid cells typed in, and those a page script set without an event, without a full read', () => {
    const { fast, full, calls } = open('inputGrid');
    fast.flush();
    const before = calls.full;
    apply({ k: 'input', at: 7, text: '33' });
    expectSame(fast, full);
    apply({ k: 'silent', at: 9, text: '4' });
    apply({ k: 'input', at: 7, text: '34' });
    expectSame(fast, full);
    expect(calls.full).toBe(before);
    const valueOf = (i: number) => Object.values(fast.states.get(document)!.reports[0]!.cells).find((c) => c.loc.kind === 'table' && c.loc.el === document.querySelectorAll('input')[i])?.value;
    expect([valueOf(7), valueOf(9)]).toEqual([34, 4]);
  });

  it('gives what a full read gives after any sequence of edits (fast-check)', () => {
    let fastReads = 0;
    let flushes = 0;
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(PAGES)), fc.array(edit, { minLength: 1, maxLength: 8 }), (page, edits) => {
        const { fast, full, calls } = open(page);
        try {
          fast.flush();
          for (const e of edits) {
            const before = calls.full;
            apply(e);
            expectSame(fast, full);
            flushes++;
            if (calls.full === before) fastReads++;
          }
        } finally {
          for (const t of started.splice(0)) t.stop();
          document.designMode = 'off';
        }
      }),
      { numRuns: 60 },
    );
    // the property is about the fast path: it must have been taken for a good part of the edits
    expect(fastReads).toBeGreaterThan(flushes / 4);
  }, 300_000);
});
