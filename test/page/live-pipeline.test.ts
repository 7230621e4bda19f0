import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Overlay } from '@/components/overlay/overlay';
import { check } from '@/lib/check';
import { LiveTables } from '@/lib/page/live';
import { PageController } from '@/lib/page/main';
import { mapNarrative, mayHoldReport, readDom } from '@/lib/read/dom';
import { rereadCells } from '@/lib/read/reread';
import { overlayRoot } from '@/components/overlay/overlay';

const HTML = readFileSync(resolve(__dirname, '../fixtures/read/report-2023.html'), 'utf8');
const ROW = HTML.match(/<tr><td colspan=3[^\n]*一、本年新收[^\n]*<\/tr>/)![0];
const deps = { mayHoldReport, readDom, mapNarrative, rereadCells, check, overlay: (doc: Document, onFix: (k: string, c: string, v: number) => void) => new Overlay(doc, onFix) };
const tip = (cell: string) =>
  overlayRoot(document.querySelector('nianbao-overlay'))?.querySelector(`button[data-cell="${cell}"]:not([data-kind])`)?.nextElementSibling?.textContent ?? '';

/** The live page with the real reader and the real check pipeline (the browser tests add real editors). */
describe('live badges from the check pipeline', () => {
  let live: LiveTables | null = null;
  afterEach(() => {
    live?.stop();
    document.body.innerHTML = '';
  });

  function open(html: string) {
    document.body.innerHTML = `<div contenteditable="true">${html}</div>`;
    live = new LiveTables({ top: document, deps });
    live.start();
  }

  it.each(['约20', '20余'])('calls a cell reading 「%s」 a 强制性 "not a number" problem, as the command line does, never a blank', (text) => {
    open(HTML.replace(ROW, ROW.replace('<span>8</span>', `<span>${text}</span>`)));
    const findings = live!.reports()[0]!.findings;
    const dom = findings.find((f) => f.rule === 'DOM-INT' && f.cells[0] === 'apply.new.natural');
    expect(dom?.severity).toBe('error');
    expect(dom?.message).toContain(`「${text}」不是可识别的数字`);
    expect(tip('apply.new.natural')).toContain(`「${text}」不是可识别的数字`);
  });

  it('puts the suggestion on the badge and in the page state alike', () => {
    open(HTML.replace(ROW, ROW.replace('<span>8</span>', '<span>9</span>')));
    const [first] = live!.reports();
    expect(first!.suggestion?.fixes).toEqual([{ cell: 'apply.new.natural', value: 8, current: 9 }]);
    expect(tip('apply.new.natural')).toContain('改为 8');
  });

  it('answers the popup with the suggestion its badges show (改为 N names the badge\'s cell)', async () => {
    document.body.innerHTML = `<div contenteditable="true">${HTML.replace(ROW, ROW.replace('<span>8</span>', '<span>9</span>'))}</div>`;
    const ctl = new AbortController();
    const page = new PageController(window, { deps, api: null });
    page.init(ctl.signal);
    try {
      const r = await page.handle({ type: 'state' });
      const state = r.ok ? r.state! : null;
      const badge = overlayRoot(document.querySelector('nianbao-overlay'))!.querySelector('button.x')!;
      expect(state?.suggestion?.fixes).toEqual([{ cell: 'apply.new.natural', value: 8, current: 9 }]);
      expect([badge.closest('.t')!.previousElementSibling!.getAttribute('data-cell'), badge.textContent]).toEqual(['apply.new.natural', '改为 8']);
    } finally {
      ctl.abort();
    }
  });
});
