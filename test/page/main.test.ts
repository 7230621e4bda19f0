import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLocale } from '@/lib/i18n';
import { PageController } from '@/lib/page/main';
import type { ExtApi, MessageListener, StorageChange } from '@/lib/page/ext';
import type { Response } from '@/lib/messages';
import { memoryKV } from '@/lib/store/kv';
import { reportKey } from '@/lib/store/keys';
import { getPrior } from '@/lib/store/prior';
import { stubDeps } from './stub-reader';
import { overlayRoot } from '@/components/overlay/overlay';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** chrome.* in callback style over an in-memory store, with onChanged and onMessage. */
function fakeApi(initial: Record<string, unknown> = {}) {
  const kv = memoryKV(initial);
  const changed: ((c: Record<string, StorageChange>, area: string) => void)[] = [];
  const messages: MessageListener[] = [];
  const sent: unknown[] = [];
  const fire = (c: Record<string, StorageChange>) => changed.forEach((f) => f(c, 'local'));
  const api: ExtApi = {
    runtime: {
      id: 'test',
      // What the background does: 'prior' → the store's getPrior; 'badge' → no answer.
      sendMessage: (msg, cb) => {
        sent.push(msg);
        const m = msg as { type: string; site: string; body: string | null; year: number };
        if (m.type === 'prior') void getPrior(kv, m.site, m.body, m.year).then(cb);
        else cb(undefined);
      },
      onMessage: { addListener: (f) => messages.push(f), removeListener: (f) => messages.splice(messages.indexOf(f), 1) },
    },
    storage: {
      local: {
        get: (keys, cb) => void kv.get(keys).then(cb),
        set: (items, cb) =>
          void kv.set(items).then(() => {
            fire(Object.fromEntries(Object.entries(items).map(([k, v]) => [k, { newValue: v }])));
            cb?.();
          }),
        remove: (keys, cb) =>
          void kv.remove(keys).then(() => {
            fire(Object.fromEntries([keys].flat().map((k) => [k, { newValue: undefined }])));
            cb?.();
          }),
      },
      onChanged: { addListener: (f) => changed.push(f), removeListener: (f) => changed.splice(changed.indexOf(f), 1) },
    },
  };
  const send = (msg: unknown) =>
    new Promise<Response>((resolve) => {
      const keep = messages[0]!(msg, {}, (r) => resolve(r as Response));
      if (!keep) resolve(undefined as unknown as Response);
    });
  return { api, kv, send, messages, sent };
}

const GRID =
  '<form>' +
  ['natural', 'commercial', 'total'].map((c) => `<input data-id="apply.carried.${c}" value="">`).join('') +
  '<input data-id="apply.new.natural" value="4"></form>';

const prior2022 = {
  version: 2,
  site: location.hostname,
  body: '滨江区人民政府办公室',
  year: 2022,
  format: 'gov2021',
  values: { 'apply.carryForward.natural': 2, 'apply.carryForward.commercial': 1, 'apply.carryForward.total': 3 },
  source: 'test',
  savedAt: '2023-01-15T00:00:00.000Z',
};

describe('PageController', () => {
  let ctl: AbortController;
  beforeEach(() => {
    document.querySelector('nianbao-overlay')?.remove();
    document.body.innerHTML = GRID;
    ctl = new AbortController();
  });
  afterEach(() => ctl.abort());

  it('answers state with the tables found and the site switch', async () => {
    const { api, send } = fakeApi();
    new PageController(window, { deps: stubDeps(), api }).init(ctl.signal);
    await wait(5);
    const r = await send({ type: 'state' });
    expect(r.ok).toBe(true);
    const s = r.ok ? r.state! : null;
    expect(s?.siteEnabled).toBe(true);
    expect(s?.tables).toEqual([{ format: 'gov2021', year: 2023, body: null, where: '输入表格中', cellCount: 4 }]);
    expect(s?.values?.['apply.new.natural']).toBe(4);
    expect(await send({ type: 'nonsense' })).toBeUndefined(); // not ours: not answered
  });

  it('tells the background the problem counts for the toolbar button when they change, after the keystroke, once the page is idle', async () => {
    document.body.innerHTML = '<input data-id="a" value="1"><input data-id="b" value="2"><input data-id="c" value="4">';
    const { api, sent } = fakeApi();
    new PageController(window, { deps: stubDeps(), api }).init(ctl.signal);
    await vi.waitFor(() => expect(sent).toContainEqual({ type: 'badge', errors: 1, warnings: 0 }));
    const before = sent.length;
    const c = document.querySelector('[data-id="c"]') as HTMLInputElement;
    c.value = '3';
    c.dispatchEvent(new Event('input', { bubbles: true }));
    await Promise.resolve(); // the keystroke's check has run (a microtask); the message waits for an idle moment
    expect(sent.length).toBe(before);
    await vi.waitFor(() => expect(sent.at(-1)).toEqual({ type: 'badge', errors: 0, warnings: 0 }));
  });

  it('switches off for the site through storage and back on', async () => {
    const { api, send, kv } = fakeApi();
    new PageController(window, { deps: stubDeps(), api }).init(ctl.signal);
    await wait(5);
    expect(document.querySelector('nianbao-overlay')).not.toBeNull();
    const off = await send({ type: 'site-enabled', enabled: false });
    expect(off.ok && off.state?.siteEnabled).toBe(false);
    expect(kv.data.get(`siteDisabled:${location.hostname}`)).toBe(true);
    expect(document.querySelector('nianbao-overlay')).toBeNull();
    expect((await send({ type: 'reveal', cell: 'apply.new.natural' })).ok).toBe(false);
    await send({ type: 'site-enabled', enabled: true });
    await wait(5);
    expect(kv.data.has(`siteDisabled:${location.hostname}`)).toBe(false);
    expect(document.querySelector('nianbao-overlay')).not.toBeNull();
  });

  it('stays off on a site switched off before the page loaded', async () => {
    const { api, send } = fakeApi({ [`siteDisabled:${location.hostname}`]: true });
    new PageController(window, { deps: stubDeps(), api }).init(ctl.signal);
    await wait(5);
    expect(document.querySelector('nianbao-overlay')).toBeNull();
    const r = await send({ type: 'state' });
    expect(r.ok && r.state?.siteEnabled).toBe(false);
  });

  it('plans, applies and undoes a pre-fill of empty carried cells from last year', async () => {
    const deps = stubDeps();
    const read = deps.readDom;
    deps.readDom = (doc) => read(doc).map((r) => ({ ...r, body: '滨江区人民政府办公室' }));
    const { api, send } = fakeApi({ [reportKey(location.hostname, prior2022.body, 2022)]: prior2022 });
    new PageController(window, { deps, api }).init(ctl.signal);
    await wait(5);
    const typed = document.querySelector('[data-id="apply.carried.commercial"]') as HTMLInputElement;
    typed.value = '0'; // the user typed 0: never overwritten
    typed.dispatchEvent(new Event('input', { bubbles: true }));
    const plan = await send({ type: 'prefill-plan' });
    expect(plan.ok && plan.plan).toEqual([
      { cell: 'apply.carried.natural', value: 2 },
      { cell: 'apply.carried.total', value: 3 },
    ]);
    const applied = await send({ type: 'prefill-apply', items: plan.ok ? plan.plan! : [] });
    expect(applied.ok && applied.written).toEqual(['apply.carried.natural', 'apply.carried.total']);
    const values = () => [...document.querySelectorAll('input')].map((i) => i.value);
    expect(values()).toEqual(['2', '0', '3', '4']);
    const st = await send({ type: 'state' });
    expect(st.ok && st.state?.canUndoPrefill).toBe(true);
    expect(st.ok && st.state?.priorYear).toBe(2022);
    const undone = await send({ type: 'prefill-undo' });
    expect(undone.ok).toBe(true);
    expect(values()).toEqual(['', '0', '', '4']);
  });

  it("shows last year's 现行有效件数 and 结转下年度 beside this year's cells, as references only", async () => {
    document.body.innerHTML = GRID + '<input data-id="active.normative.inForce" value="27">';
    const deps = stubDeps();
    const read = deps.readDom;
    deps.readDom = (doc) => read(doc).map((r) => ({ ...r, body: '滨江区人民政府办公室' }));
    const prior = { ...prior2022, values: { ...prior2022.values, 'active.normative.inForce': 24, 'apply.new.natural': 30 } };
    const { api } = fakeApi({ [reportKey(location.hostname, prior2022.body, 2022)]: prior });
    new PageController(window, { deps, api }).init(ctl.signal);
    await wait(20);
    const tags = [...overlayRoot(document.querySelector('nianbao-overlay'))!.querySelectorAll('[data-ref-cell]')].map(
      (t) => `${t.getAttribute('data-ref-cell')}=${t.textContent}`,
    );
    expect(tags.sort()).toEqual([
      'active.normative.inForce=上年 24',
      'apply.carried.commercial=上年 1',
      'apply.carried.natural=上年 2',
      'apply.carried.total=上年 3',
    ]);
    expect([...document.querySelectorAll('input')].map((i) => i.value)).toEqual(['', '', '', '4', '27']); // nothing written
  });

  it('in English (the clerk chose it), last year\'s figures and the screen-reader announcement of a problem are English', async () => {
    const wrongTotal = '<input data-id="a" value="1"><input data-id="b" value="2"><input data-id="c" value="9">';
    document.body.innerHTML = GRID + '<input data-id="active.normative.inForce" value="27">' + wrongTotal;
    const deps = stubDeps();
    const read = deps.readDom;
    deps.readDom = (doc) => read(doc).map((r) => ({ ...r, body: '滨江区人民政府办公室' }));
    const prior = { ...prior2022, values: { ...prior2022.values, 'active.normative.inForce': 24 } };
    const { api } = fakeApi({ uiLocale: 'en', [reportKey(location.hostname, prior2022.body, 2022)]: prior });
    try {
      new PageController(window, { deps, api }).init(ctl.signal);
      await wait(20);
      const root = overlayRoot(document.querySelector('nianbao-overlay'))!;
      const tag = root.querySelector('[data-ref-cell="active.normative.inForce"]');
      expect(tag?.textContent).toBe('last year 24');
      const said = root.querySelector('[aria-live="polite"]')?.textContent ?? '';
      expect(said.trim()).toBe('The annual report assistant found a problem: c. a(1)+b(2)≠c(9)');
    } finally {
      setLocale('zh');
    }
  });

  it('says in Chinese why there is nothing to pre-fill', async () => {
    const { api, send } = fakeApi();
    new PageController(window, { deps: stubDeps(), api }).init(ctl.signal);
    await wait(5);
    const r = await send({ type: 'prefill-plan' });
    expect(r).toEqual({ ok: false, message: '没有找到本单位 2022 年的数据：请先「导入上年报告…」' });
  });
});
