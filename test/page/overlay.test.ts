import { beforeEach, describe, expect, it } from 'vitest';
import { OVERLAY_TAG, Overlay, type BadgeView } from '@/components/overlay/overlay';
import { markBadgePosition } from '@/lib/page/place';

const view = (over: Partial<BadgeView> = {}): BadgeView => ({
  key: '1|0|apply.new.total',
  cell: 'apply.new.total',
  severity: 'error',
  label: '表三·一、本年新收政府信息公开申请数量·总计',
  messages: ['表三 总计列：本年新收(8)+上年结转(0)=8，但办理结果总计(7)+结转下年度(0)=7，相差1'],
  ...over,
});

describe('Overlay', () => {
  beforeEach(() => {
    document.documentElement.innerHTML = '<head></head><body><p>x</p></body>';
  });

  it('is one host in the top document with an open shadow root and data-tables', () => {
    const o = new Overlay(document);
    const hosts = document.querySelectorAll(OVERLAY_TAG);
    expect(hosts.length).toBe(1);
    expect(hosts[0]!.shadowRoot).not.toBeNull();
    o.setTables(3);
    expect(hosts[0]!.getAttribute('data-tables')).toBe('3');
    expect(document.body.innerHTML).toBe('<p>x</p>'); // nothing in the page body itself
  });

  it('draws one keyboard-reachable badge per problem cell, with message and expected value', () => {
    const o = new Overlay(document);
    const fresh = o.update([view({ expected: 8 })]);
    expect(fresh.map((v) => v.key)).toEqual(['1|0|apply.new.total']);
    const b = o.host.shadowRoot!.querySelector('button')!;
    expect(b.getAttribute('data-cell')).toBe('apply.new.total');
    expect(b.getAttribute('data-severity')).toBe('error');
    expect(b.tabIndex).toBe(0);
    expect(b.getAttribute('aria-label')).toContain('强制性问题');
    const tip = o.host.shadowRoot!.getElementById(b.getAttribute('aria-describedby')!)!;
    expect(tip.getAttribute('role')).toBe('tooltip');
    expect(tip.textContent).toContain('相差1');
    expect(tip.textContent).toContain('本格应为 8');
    expect(tip.querySelector('button')).toBeNull(); // no one-click correction unless offered
  });

  it('offers 改为 N when the value is known to belong to this cell, and reports the choice', () => {
    const chosen: unknown[] = [];
    const o = new Overlay(document, (key, cell, value) => chosen.push([key, cell, value]));
    o.update([view({ expected: 8, canFix: true })]);
    const fix = o.host.shadowRoot!.querySelector('.t button')!;
    expect(fix.textContent).toBe('改为 8');
    (fix as HTMLButtonElement).click();
    expect(chosen).toEqual([['1|0|apply.new.total', 'apply.new.total', 8]]);
  });

  it('updates in place, reports only new badges as fresh, removes cleared ones', () => {
    const o = new Overlay(document);
    o.update([view()]);
    const again = o.update([view({ severity: 'warning' }), view({ key: 'k2', cell: 'apply.new.natural' })]);
    expect(again.map((v) => v.key)).toEqual(['k2']);
    const root = o.host.shadowRoot!;
    expect(root.querySelector('[data-cell="apply.new.total"]')!.getAttribute('data-severity')).toBe('warning');
    o.update([view({ key: 'k2', cell: 'apply.new.natural' })]);
    expect([...root.querySelectorAll('button')].map((b) => b.getAttribute('data-cell'))).toEqual(['apply.new.natural']);
    expect(root.querySelectorAll('[role=tooltip]').length).toBe(1); // the panel went with its badge
  });

  it('places badges and hides them when out of view', () => {
    const o = new Overlay(document);
    o.update([view()]);
    const b = o.host.shadowRoot!.querySelector('button')!;
    expect(b.hidden).toBe(true); // not shown until placed
    o.place(view().key, { left: 100.4, top: 20.6, visible: true });
    expect([b.hidden, b.style.left, b.style.top]).toEqual([false, '100px', '21px']);
    o.place(view().key, { left: 0, top: 0, visible: false });
    expect(b.hidden).toBe(true);
  });

  it('draws a sentence mark: boxes over its lines and a badge after its end, after every cell badge', () => {
    const o = new Overlay(document);
    const mark = view({ key: 'm1', severity: 'warning', messages: ['正文“收到申请60件”中 60件，与表格不一致'] });
    o.updateMarks([mark]);
    o.update([view({ key: 'k2', cell: 'apply.new.total', severity: 'warning' })]); // a cell badge created later
    const root = o.host.shadowRoot!;
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
    expect(root.querySelector('[data-kind]')).toBeNull();
    expect(root.querySelectorAll('.m').length).toBe(0);
  });

  it('announces politely, even the same text twice', () => {
    const o = new Overlay(document);
    const live = o.host.shadowRoot!.querySelector('[aria-live="polite"]')!;
    o.announce('发现问题');
    expect(live.textContent).toBe('发现问题');
    o.announce('发现问题');
    expect(live.textContent!.trim()).toBe('发现问题');
    expect(live.textContent).not.toBe('发现问题');
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
