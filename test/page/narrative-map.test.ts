import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mapNarrative, readDom, textOutsideTables } from '@/lib/read/dom';
import { checkNarrative } from '@/lib/narrative';
import { valuesOf } from '@/lib/report';
import { itReal, sharedPath } from '../real-reports';

const REPORT = readFileSync(resolve(__dirname, '../e2e/pages/report/gov2021-2023.html'), 'utf8');

/** The test window's own document (happy-dom's Range works only there) holding `html`. */
function docOf(html: string): Document {
  document.documentElement.innerHTML = html;
  return document;
}

/** The DOM text between the two positions a span maps to. */
function rangeText(doc: Document, m: ReturnType<typeof mapNarrative>, start: number, end: number): string | null {
  const p = m.locate(start, end);
  if (!p) return null;
  const r = doc.createRange();
  r.setStart(p.startNode, p.startOffset);
  r.setEnd(p.endNode, p.endOffset);
  return r.toString();
}

describe('mapNarrative', () => {
  const sameNarrative = (html: string) => {
    const d = docOf(html);
    expect(mapNarrative(d).text).toBe(textOutsideTables(d));
    expect(mapNarrative(d.body, true).text).toBe(textOutsideTables(d.body, true));
  };

  it('gives exactly the narrative textOutsideTables gives (harness report)', () => sameNarrative(REPORT));

  itReal('gives exactly the narrative textOutsideTables gives (seed 001, a published page)', () => {
    for (const rel of ['seeds/001_564ee96d51f4a710.txt', 'corpus/2019-shanghai-office-1.html']) {
      sameNarrative(readFileSync(sharedPath(rel), 'utf8'));
    }
  });

  it('maps every character of the narrative back to the same character of a text node', () => {
    const d = docOf(
      '<body>\n  <h1> 标题 </h1><p>第一段&nbsp; <b>加粗</b>文字</p>\n\n<table><tr><td>表格 1</td></tr></table>' +
        '<div> <span>2023年，</span>本机关共收到申请<span>60</span>件。 </div><p>\u3000末段</p></body>',
    );
    const m = mapNarrative(d);
    expect(m.text).toBe('标题\n第一段\u00a0 加粗文字\n2023年，本机关共收到申请60件。\n末段');
    for (let i = 0; i < m.text.length; i++) {
      const ch = m.text[i]!;
      const got = rangeText(d, m, i, i + 1);
      if (ch === '\n') expect(got === null || got.trim() === '').toBe(true); // an added break or collapsed space
      else expect(got).toBe(ch);
    }
  });

  it('turns a span across element boundaries into a range over exactly that text', () => {
    const d = docOf('<p>一、总体情况</p><p><span>2023年，</span>本机关共收到申请<b>60</b>件，办结50件。</p><p>下一段</p>');
    const m = mapNarrative(d);
    const s = '2023年，本机关共收到申请60件，办结50件。';
    const start = m.text.indexOf(s);
    expect(rangeText(d, m, start, start + s.length)).toBe(s);
    // A span that starts or ends on an added line break is trimmed to the text nodes inside it.
    expect(rangeText(d, m, start - 1, start + s.length + 1)).toBe(s);
    expect(m.locate(start, start)).toBeNull();
    expect(m.locate(-1, 3)).toBeNull();
    expect(m.locate(0, m.text.length + 1)).toBeNull();
  });

  it("maps a P-TEXT finding's span of the harness report to its sentence in the DOM", () => {
    const d = docOf(REPORT.replace('收到政府信息公开申请50件', '收到政府信息公开申请60件'));
    const [rep] = readDom(d);
    const m = mapNarrative(d);
    const [f] = checkNarrative(m.text, { format: rep!.format!, year: rep!.year, values: valuesOf(rep!) });
    expect(f?.rule).toBe('P-TEXT');
    expect(f?.cells).toEqual(['apply.new.total']);
    const got = rangeText(d, m, f!.span!.start, f!.span!.end);
    expect(got).toBe('2023年，本机关共收到政府信息公开申请60件，上年结转3件，办结50件，结转下年度继续办理3件');
    const p = m.locate(f!.span!.start, f!.span!.end)!;
    expect(p.startNode.parentElement!.tagName).toBe('P');
  });
});
