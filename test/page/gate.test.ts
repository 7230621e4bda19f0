import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GATE_WORDS } from '@/lib/i18n/gate-words';
import { Gate, type StartChecker } from '@/lib/page/gate';
import type { ExtApi, MessageListener, StorageChange } from '@/lib/page/ext';
import type { Request, Response } from '@/lib/messages';
import { stubDeps, TABLE } from './stub-reader';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** chrome.* in callback style over a Map, with onChanged and onMessage. */
function fakeApi(initial: Record<string, unknown> = {}) {
  const store = new Map(Object.entries(initial));
  const changed: ((c: Record<string, StorageChange>, area: string) => void)[] = [];
  const messages: MessageListener[] = [];
  const fire = (c: Record<string, StorageChange>) => changed.forEach((f) => f(c, 'local'));
  const api: ExtApi = {
    runtime: {
      id: 'test',
      sendMessage: (_msg, cb) => cb(undefined),
      onMessage: { addListener: (f) => messages.push(f), removeListener: (f) => messages.splice(messages.indexOf(f), 1) },
    },
    storage: {
      local: {
        get: (keys, cb) => queueMicrotask(() => cb(Object.fromEntries([keys ?? []].flat().filter((k) => store.has(k)).map((k) => [k, store.get(k)])))),
        set: (items, cb) => {
          for (const [k, v] of Object.entries(items)) store.set(k, v);
          fire(Object.fromEntries(Object.entries(items).map(([k, v]) => [k, { newValue: v }])));
          cb?.();
        },
        remove: (keys, cb) => {
          for (const k of [keys].flat()) store.delete(k);
          fire(Object.fromEntries([keys].flat().map((k) => [k, { newValue: undefined }])));
          cb?.();
        },
      },
      onChanged: { addListener: (f) => changed.push(f), removeListener: (f) => changed.splice(changed.indexOf(f), 1) },
    },
  };
  const send = (msg: Request) =>
    new Promise<Response>((resolve) => {
      if (!messages.length) throw new Error('nobody listens');
      messages[0]!(msg, {}, (r) => resolve(r as Response));
    });
  return { api, send, messages };
}

/** A checker double: counts its starts and answers every request with the request's type. */
function fakeChecker() {
  const started: Window[] = [];
  const start: StartChecker = (win) => {
    started.push(win);
    return { handle: async (req) => ({ ok: false, message: `checker:${req.type}` }) };
  };
  let loads = 0;
  return { started, get loads() { return loads; }, load: async () => (loads++, start) };
}

describe('Gate (the always-loaded content script)', () => {
  let ctl: AbortController;
  beforeEach(() => {
    ctl = new AbortController();
    document.body.innerHTML = '<h1>新闻</h1><table><tr><td>栏目</td></tr></table>';
  });
  afterEach(() => ctl.abort());

  it('answers the popup itself and loads nothing on a page without a report', async () => {
    const { api, send } = fakeApi();
    const ck = fakeChecker();
    new Gate(window, { mayHoldReport: stubDeps().mayHoldReport, load: ck.load, api }).init(ctl.signal);
    await wait(5);
    const r = await send({ type: 'state' });
    expect(r).toEqual({
      ok: true,
      state: { siteEnabled: true, site: location.hostname, tables: [], findings: [], suggestion: null, values: null, priorYear: null, canUndoPrefill: false, confirmations: [] },
    });
    expect(ck.loads).toBe(0);
  });

  it('loads the checker once when a table appears, then hands the messages over', async () => {
    const { api, messages } = fakeApi();
    const ck = fakeChecker();
    new Gate(window, { mayHoldReport: stubDeps().mayHoldReport, load: ck.load, api, quietMs: 10 }).init(ctl.signal);
    await wait(5);
    document.body.insertAdjacentHTML('beforeend', TABLE);
    document.body.insertAdjacentHTML('beforeend', TABLE);
    await wait(40);
    expect(ck.loads).toBe(1);
    expect(ck.started).toEqual([window]);
    expect(messages).toHaveLength(0); // the checker registers its own listener
  });

  it('finds a report table added after its first look and before the page was idle', async () => {
    const { api } = fakeApi();
    const ck = fakeChecker();
    new Gate(window, { mayHoldReport: stubDeps().mayHoldReport, load: ck.load, api, quietMs: 10 }).init(ctl.signal);
    document.body.insertAdjacentHTML('beforeend', TABLE);
    expect(ck.loads).toBe(0);
    await wait(40);
    expect(ck.loads).toBe(1);
  });

  it('answers a request arriving while the checker loads through the checker', async () => {
    document.body.innerHTML = TABLE;
    const { api, send } = fakeApi();
    const ck = fakeChecker();
    const gate = new Gate(window, { mayHoldReport: stubDeps().mayHoldReport, load: ck.load, api });
    gate.init(ctl.signal);
    const r = send({ type: 'reveal', cell: 'a' });
    expect(await r).toEqual({ ok: false, message: 'checker:reveal' });
    expect(ck.loads).toBe(1);
  });

  it('stays idle while the site is switched off, and starts when switched back on', async () => {
    document.body.innerHTML = TABLE;
    const key = `siteDisabled:${location.hostname}`;
    const { api, send } = fakeApi({ [key]: true });
    const ck = fakeChecker();
    new Gate(window, { mayHoldReport: stubDeps().mayHoldReport, load: ck.load, api }).init(ctl.signal);
    await wait(5);
    expect(ck.loads).toBe(0);
    const off = await send({ type: 'state' });
    expect(off.ok && off.state?.siteEnabled).toBe(false);
    expect(await send({ type: 'reveal', cell: 'a' })).toEqual({ ok: false, message: '年报助手已在此网站停用。' });
    const on = await send({ type: 'site-enabled', enabled: true });
    expect(on).toEqual({ ok: false, message: 'checker:state' });
    expect(ck.loads).toBe(1);
  });

  it('tells the popup in plain words to reload the page when the checker cannot be loaded', async () => {
    document.body.innerHTML = TABLE;
    const { api, send } = fakeApi();
    const load = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module: chrome-extension://x/checker.js'));
    new Gate(window, { mayHoldReport: stubDeps().mayHoldReport, load, api }).init(ctl.signal);
    const warn = console.warn;
    console.warn = () => {};
    try {
      expect(await send({ type: 'reveal', cell: 'a' })).toEqual({ ok: false, message: GATE_WORDS.zh.unavailable });
    } finally {
      console.warn = warn;
    }
    expect(GATE_WORDS.zh.unavailable).toMatch(/刷新/);
  });

  it('says its own few words in the chosen 界面语言: English when the clerk chose English', async () => {
    document.body.innerHTML = TABLE;
    const { api, send } = fakeApi({ uiLocale: 'en', [`siteDisabled:${location.hostname}`]: true });
    new Gate(window, { mayHoldReport: stubDeps().mayHoldReport, load: () => Promise.reject(new Error('gone')), api }).init(ctl.signal);
    await wait(5);
    expect(await send({ type: 'reveal', cell: 'a' })).toEqual({ ok: false, message: GATE_WORDS.en.stopped });
    const warn = console.warn;
    console.warn = () => {};
    try {
      expect(await send({ type: 'site-enabled', enabled: true })).toEqual({ ok: false, message: GATE_WORDS.en.unavailable });
    } finally {
      console.warn = warn;
    }
    expect(GATE_WORDS.en.unavailable).toMatch(/reload/);
  });

  it('listens on a page without a report only for what can bring one (edits, input and frames loading), from when the page is idle', async () => {
    const types: string[] = [];
    const spy = (target: EventTarget) => {
      const add = target.addEventListener;
      target.addEventListener = function (this: EventTarget, type: string, ...rest: unknown[]) {
        types.push(type);
        return (add as (...a: unknown[]) => void).call(this, type, ...rest);
      } as typeof add;
      return () => void (target.addEventListener = add);
    };
    const undo = [spy(document), spy(window)];
    let atStart: string[] = [];
    try {
      new Gate(window, { mayHoldReport: stubDeps().mayHoldReport, load: fakeChecker().load, api: null }).init(ctl.signal);
      atStart = [...types];
      await wait(5);
    } finally {
      undo.forEach((f) => f());
    }
    expect(atStart).toEqual([]);
    expect(types.sort()).toEqual(['change', 'input', 'load']);
  });

  it('ignores messages that are not requests', async () => {
    const { api, messages } = fakeApi();
    new Gate(window, { mayHoldReport: stubDeps().mayHoldReport, load: fakeChecker().load, api }).init(ctl.signal);
    await wait(5);
    expect(messages[0]!({ type: 'nope' }, {}, () => {})).toBe(false);
    expect(messages[0]!({ type: 'reveal' }, {}, () => {})).toBe(false);
  });

  it('pre-filters before it touches the extension APIs, which it sets up only once the page is idle', async () => {
    const { api, messages } = fakeApi();
    const seen: string[] = [];
    const mayHoldReport = (d: Document) => (seen.push(messages.length ? 'after' : 'before'), stubDeps().mayHoldReport(d));
    new Gate(window, { mayHoldReport, load: fakeChecker().load, api }).init(ctl.signal);
    expect(seen).toEqual(['before']);
    expect(messages).toHaveLength(0);
    await wait(5);
    expect(messages).toHaveLength(1);
  });

  it('reads nothing from storage on a page without a report until the popup asks, then answers with the switch as stored', async () => {
    const { api, send } = fakeApi({ [`siteDisabled:${location.hostname}`]: true });
    let reads = 0;
    let follows = 0;
    const get = api.storage.local.get;
    api.storage.local.get = (keys, cb) => (reads++, get(keys, cb));
    const follow = api.storage.onChanged.addListener;
    api.storage.onChanged.addListener = (f) => (follows++, follow(f));
    new Gate(window, { mayHoldReport: stubDeps().mayHoldReport, load: fakeChecker().load, api }).init(ctl.signal);
    await wait(5);
    expect([reads, follows]).toEqual([0, 0]);
    const r = await send({ type: 'state' });
    expect(r.ok && r.state?.siteEnabled).toBe(false);
    expect([reads, follows]).toEqual([1, 1]);
  });

  it('reads the per-site switch at once when a document may hold a report, and loads nothing while it is off', async () => {
    document.body.innerHTML = TABLE;
    const { api, messages } = fakeApi({ [`siteDisabled:${location.hostname}`]: true });
    const ck = fakeChecker();
    new Gate(window, { mayHoldReport: stubDeps().mayHoldReport, load: ck.load, api }).init(ctl.signal);
    expect(messages).toHaveLength(1);
    await wait(5);
    expect(ck.loads).toBe(0);
  });
});
