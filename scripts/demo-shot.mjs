// The demo's picture of what the extension says: the wrong cell with its tooltip open, and the popup for that
// tab beside it, as one PNG. The overlay's badges live in a shadow root that may be closed, so they are found
// through the debugger protocol (DOM.getDocument with pierce), which sees closed roots too.

/** The viewport box of the overlay badge on `cell` (its shadow root open or closed), or null. */
export async function badgeBox(page, cell) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const attr = (n, name) => {
      const a = n.attributes ?? [];
      for (let i = 0; i < a.length; i += 2) if (a[i] === name) return a[i + 1];
      return null;
    };
    let found = null;
    const walk = (n, inOverlay) => {
      if (found) return;
      const here = inOverlay || n.nodeName === 'NIANBAO-OVERLAY';
      if (here && n.nodeName === 'BUTTON' && attr(n, 'data-cell') === cell && attr(n, 'hidden') === null) found = n;
      for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) walk(c, here);
    };
    walk(root, false);
    if (!found) return null;
    const { model } = await cdp.send('DOM.getBoxModel', { backendNodeId: found.backendNodeId });
    const [x1, y1, , , x3, y3] = model.border;
    return { x: x1, y: y1, width: x3 - x1, height: y3 - y1 };
  } catch {
    return null;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** Waits until the badge on `cell` is shown, hovers it (its tooltip opens) and returns its box, or null. */
export async function openTooltip(page, cell, timeout = 8000) {
  const end = Date.now() + timeout;
  for (;;) {
    const box = await badgeBox(page, cell);
    if (box && box.width > 0) {
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.waitForTimeout(300);
      return box;
    }
    if (Date.now() > end) return null;
    await page.waitForTimeout(250);
  }
}

/** The popup for tab `tabId`, opened as a page of the popup's own size (Chrome's limit: 800 × 600). */
export async function popupShot(context, extensionId, tabId) {
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 800, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
  await popup.locator('main.popup section').first().waitFor({ timeout: 10_000 });
  await popup.waitForTimeout(800);
  const size = await popup.evaluate(() => {
    const b = document.body;
    return { width: Math.ceil(b.getBoundingClientRect().right + parseFloat(getComputedStyle(b).marginRight)), height: Math.ceil(document.documentElement.scrollHeight) };
  });
  const width = Math.min(800, Math.max(300, size.width));
  const height = Math.min(600, size.height);
  await popup.setViewportSize({ width, height });
  const png = await popup.screenshot();
  await popup.close();
  return { png, width, height };
}

/** The page around the tooltip and the popup side by side, drawn by the browser itself into one PNG at `path`. */
export async function besideShot(context, page, box, popup, path) {
  const vp = page.viewportSize();
  const height = Math.max(popup.height, 600);
  const top = Math.max(0, Math.min(vp.height - height, Math.round(box.y - height / 2)));
  const width = vp.width;
  const left = 0;
  const shot = await page.screenshot({ clip: { x: left, y: top, width, height: Math.min(height, vp.height) } });
  const board = await context.newPage();
  await board.setViewportSize({ width: width + popup.width + 24, height: height + 16 });
  const img = (b) => `data:image/png;base64,${b.toString('base64')}`;
  await board.setContent(`<body style="margin:0;padding:8px;background:#d9dde3;display:flex;gap:8px;align-items:flex-start">
    <img src="${img(shot)}" style="box-shadow:0 1px 4px #0004"><img src="${img(popup.png)}" style="box-shadow:0 2px 8px #0006"></body>`);
  await board.waitForFunction(() => [...document.images].every((i) => i.complete));
  await board.screenshot({ path });
  await board.close();
}
