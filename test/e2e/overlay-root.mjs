// The overlay's shadow root is CLOSED: the page's own scripts read `host.shadowRoot === null` and can reach
// nothing inside (issue 13). Tests reach it from the test side instead, through the browser's automation
// protocol, never through anything the page could use:
// - Chromium (Playwright, or puppeteer on Chromium 86): the DevTools protocol. DOM.describeNode({ pierce })
//   names the host's shadow root, DOM.resolveNode gives a remote object of it, and Runtime.callFunctionOn runs
//   the test's function on it. The object lives only in the protocol's handle table: no page global holds it.
// - Firefox (puppeteer over WebDriver BiDi): script.evaluate serializes the host with includeShadowTree 'all',
//   which names closed roots too; script.callFunction runs the test's function with that root as `this`.
//
//   const ov = overlayOf(page);
//   await ov.waitFor((root, c) => !!root?.querySelector(`button[data-cell="${c}"]`), cell);
//   const tip = await ov.evaluate((root) => root.querySelector('[role=tooltip]').textContent);
//   await ov.locator(`button[data-cell="${cell}"]`).hover();   // a real pointer, at the element's centre
//
// `fn` is sent as source text (like page.evaluate): it sees only its arguments, `root` is null while the page
// has no overlay, and what it returns must be JSON-serializable.

const HOST = 'nianbao-overlay';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const cache = new WeakMap();

/** The closed overlay root of a Playwright or puppeteer page, reached from the test side (one per page). */
export function overlayOf(page) {
  let ov = cache.get(page);
  if (!ov) cache.set(page, (ov = new OverlayRoot(page, transportFor(page))));
  return ov;
}

function transportFor(page) {
  if (typeof page.context === 'function' && typeof page.context().newCDPSession === 'function') {
    return cdpTransport(() => page.context().newCDPSession(page));
  }
  if (page.browser().protocol === 'webDriverBiDi') return bidiTransport(page);
  return cdpTransport(() => page.createCDPSession());
}

/** What every transport runs: `fn(root, arg)`, wrapped so that undefined survives and a stale root is noticed. */
const wrap = (fnSrc) => `async function (arg) {
  const root = this && this.nodeType === 11 ? this : null;
  if (root && root.host !== document.querySelector(${JSON.stringify(HOST)})) return JSON.stringify({ stale: true });
  const v = await (${fnSrc})(root, arg);
  return JSON.stringify({ v: v === undefined ? null : v });
}`;

function cdpTransport(open) {
  let session = null;
  let rootId = null;
  const send = async (method, params) => {
    session ??= await open();
    return session.send(method, params);
  };
  const resolveRoot = async () => {
    const { result } = await send('Runtime.evaluate', { expression: `document.querySelector(${JSON.stringify(HOST)})` });
    if (!result.objectId) return null;
    const { node } = await send('DOM.describeNode', { objectId: result.objectId, depth: 0, pierce: true });
    await send('Runtime.releaseObject', { objectId: result.objectId }).catch(() => {});
    const shadow = node.shadowRoots?.[0];
    if (!shadow) return null;
    const { object } = await send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId, objectGroup: 'nianbao-overlay-root' });
    return object.objectId ?? null;
  };
  const unpack = (r) => {
    if (r.exceptionDetails) throw new Error(`in the overlay root: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
    return JSON.parse(r.result.value);
  };
  return {
    async call(fnSrc, arg) {
      for (let attempt = 0; attempt < 3; attempt++) {
        rootId ??= await resolveRoot().catch(() => null);
        if (!rootId) {
          const r = await send('Runtime.evaluate', {
            expression: `(${wrap(fnSrc)}).call(null, ${JSON.stringify(arg ?? null)})`, awaitPromise: true, returnByValue: true,
          });
          return unpack(r).v;
        }
        let out;
        try {
          out = unpack(await send('Runtime.callFunctionOn', {
            objectId: rootId, functionDeclaration: wrap(fnSrc), arguments: [{ value: arg ?? null }], awaitPromise: true, returnByValue: true,
          }));
        } catch (e) {
          if (!/Cannot find context|Could not find object|Inspected target navigated|Execution context was destroyed/.test(String(e))) throw e;
          out = { stale: true };
        }
        if (!out.stale) return out.v;
        rootId = null; // the page navigated or the overlay was made anew
      }
      throw new Error('the overlay root kept changing');
    },
  };
}

function bidiTransport(page) {
  const conn = page.browser().connection;
  const context = () => page.mainFrame()._id;
  let rootRef = null;
  const resolveRoot = async () => {
    const r = await conn.send('script.evaluate', {
      expression: `document.querySelector(${JSON.stringify(HOST)})`, target: { context: context() }, awaitPromise: false,
      serializationOptions: { maxDomDepth: 0, includeShadowTree: 'all' },
    });
    const shadow = r.result?.result?.value?.shadowRoot;
    return shadow?.sharedId ? { sharedId: shadow.sharedId } : null;
  };
  const unpack = (r) => {
    const res = r.result;
    if (res.type === 'exception') throw new Error(`in the overlay root: ${res.exceptionDetails?.text}`);
    return JSON.parse(res.result.value);
  };
  return {
    async call(fnSrc, arg) {
      for (let attempt = 0; attempt < 3; attempt++) {
        rootRef ??= await resolveRoot().catch(() => null);
        let out;
        try {
          out = unpack(await conn.send('script.callFunction', {
            functionDeclaration: wrap(fnSrc), this: rootRef ?? { type: 'null' }, arguments: [bidiValue(arg ?? null)],
            target: { context: context() }, awaitPromise: true,
          }));
        } catch (e) {
          if (!rootRef || !/no such node|no such frame|stale|unknown/i.test(String(e))) throw e;
          out = { stale: true };
        }
        if (!out.stale) return out.v;
        rootRef = null;
      }
      throw new Error('the overlay root kept changing');
    },
  };
}

/** A JSON value as a BiDi local value. */
function bidiValue(v) {
  if (v === null) return { type: 'null' };
  if (typeof v === 'string') return { type: 'string', value: v };
  if (typeof v === 'number') return { type: 'number', value: v };
  if (typeof v === 'boolean') return { type: 'boolean', value: v };
  if (Array.isArray(v)) return { type: 'array', value: v.map(bidiValue) };
  return { type: 'object', value: Object.entries(v).map(([k, x]) => [k, bidiValue(x)]) };
}

class OverlayRoot {
  constructor(page, transport) {
    this.page = page;
    this.transport = transport;
  }

  /** `fn(root, arg)` in the page, root = the overlay's closed shadow root (null while there is none). */
  evaluate(fn, arg) {
    return this.transport.call(fn.toString(), arg);
  }

  /** Poll `fn(root, arg)` until it returns something truthy (returned); throws after `timeout` ms. */
  async waitFor(fn, arg, { timeout = 5000, polling = 50, what = 'the overlay' } = {}) {
    const deadline = Date.now() + timeout;
    for (;;) {
      const v = await this.evaluate(fn, arg);
      if (v) return v;
      if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}: ${fn.toString().slice(0, 200)}`);
      await sleep(polling);
    }
  }

  /** Like a Playwright locator of the first element matching `selector` in the root. */
  locator(selector) {
    return new OverlayLocator(this, selector);
  }
}

/** An element visible to a person: laid out with a size, not visibility:hidden (checkVisibility is newer than Chromium 86). */
const STATE = (root, sel) => {
  const el = root?.querySelector(sel);
  if (!el) return 'detached';
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden' ? 'visible' : 'hidden';
};

class OverlayLocator {
  constructor(ov, selector) {
    this.ov = ov;
    this.selector = selector;
  }

  state() {
    return this.ov.evaluate(STATE, this.selector);
  }

  /** state: 'visible' (default), 'attached', 'hidden' (or absent), 'detached'. */
  async waitFor({ state = 'visible', timeout = 5000 } = {}) {
    const deadline = Date.now() + timeout;
    for (;;) {
      const s = await this.state();
      const ok = state === 'attached' ? s !== 'detached' : state === 'hidden' ? s !== 'visible' : s === state;
      if (ok) return;
      if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms: overlay ${this.selector} is ${s}, not ${state}`);
      await sleep(50);
    }
  }

  async isHidden() {
    return (await this.state()) !== 'visible';
  }

  async isVisible() {
    return (await this.state()) === 'visible';
  }

  /** `fn(el, arg)` on the element (throws when there is none). */
  evaluate(fn, arg) {
    return this.ov.evaluate(
      new Function('root', 'a', `const el = root && root.querySelector(a.sel); if (!el) throw new Error('no ' + a.sel + ' in the overlay'); return (${fn.toString()})(el, a.arg);`),
      { sel: this.selector, arg: arg ?? null },
    );
  }

  textContent() {
    return this.evaluate((el) => el.textContent);
  }

  /** The element's box in the top viewport, or null when it is absent or not drawn. */
  async boundingBox() {
    return this.ov.evaluate((root, sel) => {
      const el = root?.querySelector(sel);
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 ? { x: r.x, y: r.y, width: r.width, height: r.height } : null;
    }, this.selector);
  }

  async centre(timeout) {
    await this.waitFor({ state: 'visible', timeout });
    const b = await this.boundingBox();
    if (!b) throw new Error(`overlay ${this.selector} is not drawn`);
    return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
  }

  /** Move the real pointer to the element's centre (the browser's own input: trusted events). */
  async hover({ timeout = 5000 } = {}) {
    const { x, y } = await this.centre(timeout);
    await this.ov.page.mouse.move(x, y);
  }

  /** A real click at the element's centre, as a person's (what is drawn on top there gets it). */
  async click({ timeout = 5000 } = {}) {
    const { x, y } = await this.centre(timeout);
    await this.ov.page.mouse.move(x, y);
    await this.ov.page.mouse.click(x, y);
  }

  /** Keyboard focus on the element (as Tab would put it there). */
  focus() {
    return this.evaluate((el) => el.focus());
  }
}
