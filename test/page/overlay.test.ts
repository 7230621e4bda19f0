import { beforeEach, describe, expect, it } from 'vitest';
import { OVERLAY_TAG, Overlay, overlayRoot, type BadgeView } from '@/components/overlay/overlay';
import { markBadgePosition } from '@/lib/page/place';
import { setLocale } from '@/lib/i18n';

const view = (over: Partial<BadgeView> = {}): BadgeView => ({
  key: '1|0|apply.new.total',
  cell: 'apply.new.total',
  severity: 'error',
  label: '表三·一、本年新收政府信息公开申请数量·总计',
  messages: ['表三 总计列：本年新收(8)+上年结转(0)=8，但办理结果总计(7)+结转下年度(0)=7，相差1'],
  ...over,
});

/** A click as the browser makes it for the clerk's own pointer or key (real browsers never let a script set isTrusted). */
function trustedClick(): MouseEvent {
  const e = new MouseEvent('click', { bubbles: true });
  Object.defineProperty(e, 'isTrusted', { value: true });
  return e;
}

describe('Overlay', () => {
  beforeEach(() => {
    document.documentElement.innerHTML = '<head></head><body><p>x</p></body>';
  });

  it('is one host in the top document with a closed shadow root (the page reads null) and data-tables', () => {
    const o = new Overlay(document);
    const hosts = document.querySelectorAll(OVERLAY_TAG);
    expect(hosts.length).toBe(1);
    expect(hosts[0]!.shadowRoot).toBeNull();
    expect(overlayRoot(hosts[0])).not.toBeNull();
    expect([...hosts[0]!.attributes].map((a) => a.name)).toEqual(['data-tables']);
    o.setTables(3);
    expect(hosts[0]!.getAttribute('data-tables')).toBe('3');
    expect(document.body.innerHTML).toBe('<p>x</p>'); // nothing in the page body itself
  });

  it('draws one keyboard-reachable badge per problem cell, with message and expected value', () => {
    const o = new Overlay(document);
    const fresh = o.update([view({ expected: 8 })]);
    expect(fresh.map((v) => v.key)).toEqual(['1|0|apply.new.total']);
    const b = overlayRoot(o.host)!.querySelector('button')!;
    expect(b.getAttribute('data-cell')).toBe('apply.new.total');
    expect(b.getAttribute('data-severity')).toBe('error');
    expect(b.tabIndex).toBe(0);
    expect(b.getAttribute('aria-label')).toContain('强制性问题');
    const tip = overlayRoot(o.host)!.getElementById(b.getAttribute('aria-describedby')!)!;
    expect(tip.getAttribute('role')).toBe('tooltip');
    expect(tip.textContent).toContain('相差1');
    expect(tip.textContent).toContain('本格应为 8');
    expect(tip.querySelector('button')).toBeNull(); // no one-click correction unless offered
  });

  it('offers 改为 N when the value is known to belong to this cell, and reports the choice', () => {
    const chosen: unknown[] = [];
    const o = new Overlay(document, (key, cell, value) => chosen.push([key, cell, value]));
    o.update([view({ expected: 8, canFix: true })]);
    const fix = overlayRoot(o.host)!.querySelector('.t button')!;
    expect(fix.textContent).toBe('改为 8');
    fix.dispatchEvent(trustedClick());
    expect(chosen).toEqual([['1|0|apply.new.total', 'apply.new.total', 8]]);
  });

  it('ignores 改为 N pressed by a script (an event the browser does not mark trusted)', () => {
    const chosen: unknown[] = [];
    const o = new Overlay(document, (key, cell, value) => chosen.push([key, cell, value]));
    o.update([view({ expected: 8, canFix: true })]);
    const fix = overlayRoot(o.host)!.querySelector<HTMLButtonElement>('.t button')!;
    fix.click();
    fix.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(chosen).toEqual([]);
  });

  it('refills a badge in place: the same nodes, new text, and 改为 N writes the new value', () => {
    const chosen: unknown[] = [];
    const o = new Overlay(document, (key, cell, value) => chosen.push([key, cell, value]));
    o.update([view({ expected: 8, canFix: true })]);
    const root = overlayRoot(o.host)!;
    const before = [...root.querySelectorAll('*')];
    const texts = [...before].flatMap((el) => [...el.childNodes].filter((n) => n.nodeType === 3));
    const removed: Node[] = [];
    new MutationObserver((rs) => rs.forEach((r) => removed.push(...r.removedNodes))).observe(root, { childList: true, subtree: true });
    o.update([view({ expected: 9, canFix: true, messages: ['相差2'] })]);
    o.update([view({ expected: 9, canFix: false, messages: ['相差2', '另一条'] })]);
    o.update([view({ expected: 7, canFix: true, messages: ['相差3'] })]);
    o.update([]);
    o.update([view({ key: 'k2', expected: 5, canFix: true })]);
    return Promise.resolve().then(() => {
      expect(removed).toEqual([]);
      for (const el of before) expect(el.isConnected).toBe(true);
      for (const t of texts) expect(t.isConnected).toBe(true);
      const fix = [...root.querySelectorAll<HTMLButtonElement>('.t button')].find((b) => !b.hidden)!;
      expect(fix.textContent).toBe('改为 5');
      fix.dispatchEvent(trustedClick());
      expect(chosen).toEqual([['k2', 'apply.new.total', 5]]);
    });
  });

  it('updates in place, reports only new badges as fresh, removes cleared ones', () => {
    const o = new Overlay(document);
    o.update([view()]);
    const again = o.update([view({ severity: 'warning' }), view({ key: 'k2', cell: 'apply.new.natural' })]);
    expect(again.map((v) => v.key)).toEqual(['k2']);
    const root = overlayRoot(o.host)!;
    expect(root.querySelector('[data-cell="apply.new.total"]')!.getAttribute('data-severity')).toBe('warning');
    o.update([view({ key: 'k2', cell: 'apply.new.natural' })]);
    expect([...root.querySelectorAll('button[data-cell]')].map((b) => b.getAttribute('data-cell'))).toEqual(['apply.new.natural']);
    const cleared = root.querySelector<HTMLButtonElement>('button.b:not([data-cell])')!;
    expect(cleared.hidden).toBe(true); // kept hidden for the next finding: removing nodes would end the field's undo step
    expect([...cleared.nextElementSibling!.children].every((p) => (p as HTMLElement).hidden)).toBe(true);
  });

  it('places badges and hides them when out of view', () => {
    const o = new Overlay(document);
    o.update([view()]);
    const b = overlayRoot(o.host)!.querySelector('button')!;
    expect(b.hidden).toBe(true); // not shown until placed
    o.place(view().key, { left: 100.4, top: 20.6, visible: true });
    expect([b.hidden, b.style.left, b.style.top]).toEqual([false, '100px', '21px']);
    o.place(view().key, { left: 0, top: 0, visible: false });
    expect(b.hidden).toBe(true);
  });

  it('writes nothing to place a badge where it already is; a badge reused for another cell, or re-coloured, is drawn anew', async () => {
    const o = new Overlay(document);
    const root = overlayRoot(o.host)!;
    const pos = { left: 100, top: 20, visible: true, cell: { left: 40, top: 27, right: 105, bottom: 47 } };
    o.update([view()]);
    o.place(view().key, pos);
    const records: MutationRecord[] = [];
    const mo = new MutationObserver((rs) => records.push(...rs));
    mo.observe(root, { subtree: true, attributes: true, childList: true, characterData: true });
    o.place(view().key, { ...pos, cell: { ...pos.cell } });
    await Promise.resolve();
    expect(records).toEqual([]);
    // Re-coloured (a warning now): its outline follows.
    o.update([view({ severity: 'warning' })]);
    o.place(view().key, pos);
    expect(root.querySelector('.ol:not([hidden])')!.getAttribute('data-severity')).toBe('warning');
    // Cleared, then the same button shows another cell's problem at the very same spot: shown and outlined again.
    o.update([]);
    const other = view({ key: '1|0|apply.new.natural', cell: 'apply.new.natural' });
    o.update([other]);
    const b = root.querySelector<HTMLElement>('button[data-cell="apply.new.natural"]')!;
    expect(b.hidden).toBe(true);
    o.place(other.key, pos);
    expect([b.hidden, b.style.left, b.style.top]).toEqual([false, '100px', '20px']);
    expect(root.querySelector(`.ol[data-outline="${other.key}"]`)?.hasAttribute('hidden')).toBe(false);
    // Cleared and back again, same cell, same spot (typed right, then wrong again): shown again.
    o.update([]);
    o.update([other]);
    o.place(other.key, pos);
    expect(b.hidden).toBe(false);
    mo.disconnect();
  });

  it('writes nothing to refill a badge with what it shows already; a changed message, figure or colour is drawn', async () => {
    const o = new Overlay(document);
    const root = overlayRoot(o.host)!;
    o.update([view({ expected: 8, canFix: true }), view({ key: 'k2', cell: 'apply.new.natural', severity: 'warning', confirmable: true })]);
    const records: MutationRecord[] = [];
    const mo = new MutationObserver((rs) => records.push(...rs));
    mo.observe(root, { subtree: true, attributes: true, childList: true, characterData: true });
    const settled = async () => {
      await Promise.resolve();
      return records.splice(0).length;
    };
    // Equal views in new objects (every check makes new ones): nothing written.
    o.update([view({ expected: 8, canFix: true }), view({ key: 'k2', cell: 'apply.new.natural', severity: 'warning', confirmable: true })]);
    expect(await settled()).toBe(0);
    const tip = (cell: string) => root.querySelector(`button[data-cell="${cell}"]`)!.nextElementSibling!.textContent!;
    o.update([view({ expected: 8, canFix: true, messages: ['相差2'] }), view({ key: 'k2', cell: 'apply.new.natural', severity: 'warning', confirmable: true })]);
    expect(await settled()).toBeGreaterThan(0);
    expect(tip('apply.new.total')).toContain('相差2');
    o.update([view({ expected: 9, canFix: true, messages: ['相差2'] }), view({ key: 'k2', cell: 'apply.new.natural', severity: 'warning', confirmable: true })]);
    expect(await settled()).toBeGreaterThan(0);
    expect(tip('apply.new.total')).toContain('改为 9');
    o.update([view({ expected: 9, canFix: true, messages: ['相差2'] }), view({ key: 'k2', cell: 'apply.new.natural', severity: 'error' })]);
    expect(await settled()).toBeGreaterThan(0);
    expect(root.querySelector('button[data-cell="apply.new.natural"]')!.getAttribute('data-severity')).toBe('error');
    // A view changed in place after it was drawn changes nothing drawn, and is drawn when given again.
    const v = view({ messages: ['相差3'] });
    o.update([v, view({ key: 'k2', cell: 'apply.new.natural', severity: 'error' })]);
    await settled();
    v.messages.push('另一条');
    o.update([v, view({ key: 'k2', cell: 'apply.new.natural', severity: 'error' })]);
    expect(tip('apply.new.total')).toContain('另一条');
    mo.disconnect();
  });

  it('places a badge that moves away and back exactly, writing only the styles that changed', async () => {
    const o = new Overlay(document);
    const root = overlayRoot(o.host)!;
    o.update([view()]);
    const b = root.querySelector<HTMLElement>('button[data-cell]')!;
    const tip = b.nextElementSibling as HTMLElement;
    const at = (left: number, alignRight: boolean) => ({
      left,
      top: 20,
      visible: true,
      tip: { left: left + 14, top: 20, alignRight, alignBottom: false, maxWidth: 320, bridge: { height: 0, inset: 3 } },
    });
    const drawn = () => [b.style.left, b.style.top, tip.style.left, tip.style.transform, tip.style.getPropertyValue('--nb-bridge-l'), tip.style.getPropertyValue('--nb-bridge-r')];
    o.place(view().key, at(100, false));
    const first = drawn();
    expect(first.slice(0, 3)).toEqual(['100px', '20px', '114px']);
    const styles: string[] = [];
    const mo = new MutationObserver((rs) => rs.forEach((r) => styles.push(`${(r.target as Element).className}:${r.attributeName}`)));
    mo.observe(root, { subtree: true, attributes: true });
    o.place(view().key, at(130, true));
    expect(drawn().slice(0, 3)).toEqual(['130px', '20px', '144px']);
    expect(drawn()[3]).not.toBe(first[3]);
    expect([drawn()[4], drawn()[5]]).toEqual(['auto', '3px']);
    await Promise.resolve();
    expect(styles.every((s) => s.endsWith(':style'))).toBe(true);
    o.place(view().key, at(100, false)); // back where it was: drawn as it was first
    expect(drawn()).toEqual(first);
    mo.disconnect();
  });

  it('writes the off-screen counts again only when a count or the language changed', async () => {
    const o = new Overlay(document);
    const root = overlayRoot(o.host)!;
    const area = { left: 0, top: 0, right: 400, bottom: 300 };
    o.offscreen({ above: 2, below: 0, area }, () => {});
    const [up, down] = [...root.querySelectorAll<HTMLButtonElement>('[data-offscreen]')];
    expect([up!.hidden, up!.textContent, down!.hidden]).toEqual([false, '上方还有 2 个问题 ↑', true]);
    const records: MutationRecord[] = [];
    const mo = new MutationObserver((rs) => records.push(...rs));
    mo.observe(root, { subtree: true, attributes: true, childList: true, characterData: true });
    o.offscreen({ above: 2, below: 0, area: { ...area } }, () => {});
    await Promise.resolve();
    expect(records).toEqual([]);
    o.offscreen({ above: 1, below: 3, area }, () => {});
    expect([up!.textContent, down!.hidden, down!.textContent]).toEqual(['上方还有 1 个问题 ↑', false, '下方还有 3 个问题 ↓']);
    o.offscreen(null, () => {});
    o.offscreen({ above: 1, below: 3, area }, () => {});
    expect([root.querySelector<HTMLElement>('.o')!.hidden, up!.textContent, down!.textContent]).toEqual([false, '上方还有 1 个问题 ↑', '下方还有 3 个问题 ↓']);
    setLocale('en');
    try {
      o.offscreen({ above: 1, below: 3, area }, () => {});
      expect(up!.textContent).toBe('1 more problems above ↑');
    } finally {
      setLocale('zh');
    }
    mo.disconnect();
  });

  it('draws a sentence mark: boxes over its lines and a badge after its end, after every cell badge', () => {
    const o = new Overlay(document);
    const mark = view({ key: 'm1', severity: 'warning', messages: ['正文“收到申请60件”中 60件，与表格不一致'] });
    o.updateMarks([mark]);
    o.update([view({ key: 'k2', cell: 'apply.new.total', severity: 'warning' })]); // a cell badge created later
    const root = overlayRoot(o.host)!;
    expect(root.querySelector('button[data-cell="apply.new.total"]')!.hasAttribute('data-kind')).toBe(false);
    const b = root.querySelector<HTMLButtonElement>('button[data-kind="sentence"]')!;
    expect([b.getAttribute('data-cell'), b.getAttribute('data-severity'), b.textContent, b.hidden]).toEqual(['apply.new.total', 'warning', '文', true]);
    expect(b.getAttribute('aria-label')).toBe('核实性问题：正文与表三·一、本年新收政府信息公开申请数量·总计不一致');
    expect(b.nextElementSibling!.textContent).toContain('与表格不一致');
    const lines = [
      { left: 300, top: 100, right: 600, bottom: 114 },
      { left: 80, top: 118, right: 200.4, bottom: 132 },
    ];
    o.placeMark('m1', lines, markBadgePosition(lines));
    const boxes = [...root.querySelectorAll<HTMLElement>('.m')].map((m) => [m.hidden, m.style.left, m.style.top, m.style.width, m.style.height]);
    expect(boxes).toEqual([
      [false, '300px', '100px', '300px', '14px'],
      [false, '80px', '118px', '120px', '14px'],
    ]);
    expect([b.hidden, b.style.left, b.style.top]).toEqual([false, '193px', '104px']); // above the last line's end
    const one = [{ left: 80, top: 118, right: 200, bottom: 132 }];
    o.placeMark('m1', one, markBadgePosition(one)); // scrolled: one line left in view
    expect([...root.querySelectorAll<HTMLElement>('.m')].map((m) => m.hidden)).toEqual([false, true]);
    o.placeMark('m1', [], markBadgePosition([]));
    expect(b.hidden).toBe(true);
    o.updateMarks([]);
    expect(root.querySelector('[data-kind][data-cell]')).toBeNull();
    expect(root.querySelectorAll('.m:not([hidden])').length).toBe(0);
    o.updateMarks([mark]);
    expect(root.querySelectorAll('[data-kind]').length).toBe(1); // the hidden group is reused
  });

  it('announces politely, even the same text twice', () => {
    const o = new Overlay(document);
    const live = overlayRoot(o.host)!.querySelector('[aria-live="polite"]')!;
    o.announce('发现问题');
    expect(live.textContent).toBe('发现问题');
    o.announce('发现问题');
    expect(live.textContent!.trim()).toBe('发现问题');
    expect(live.textContent).not.toBe('发现问题');
  });

  it('hides a highlight and a read notice rather than removing them (the clerk may be typing then)', async () => {
    const o = new Overlay(document);
    const root = overlayRoot(o.host)!;
    o.flash({ left: 10, top: 10, right: 50, bottom: 30 }, 450);
    o.notice('未能填写', 450);
    const [f, n] = [root.querySelector<HTMLElement>('.f')!, root.querySelector<HTMLElement>('.n')!];
    expect([f.hidden, n.hidden]).toEqual([false, false]);
    await new Promise((r) => setTimeout(r, 500));
    expect([f.isConnected, f.hidden, n.isConnected, n.hidden]).toEqual([true, true, true, true]);
    o.flash({ left: 0, top: 0, right: 5, bottom: 5 });
    expect(root.querySelectorAll('.f').length).toBe(1);
  });

  it('comes back if the page removes it', () => {
    const o = new Overlay(document);
    o.host.remove();
    o.ensureAttached();
    expect(document.querySelectorAll(OVERLAY_TAG).length).toBe(1);
    o.destroy();
    expect(document.querySelectorAll(OVERLAY_TAG).length).toBe(0);
  });
});
