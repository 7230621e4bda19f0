// Page-world timing probes shared by the live-page benchmarks (page.mjs, page-narrative.mjs).

import { overlayOf } from '../e2e/overlay-root.mjs';
export const q = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN;
};
export const fmt = (xs) => `p50 ${q(xs, 50).toFixed(2)} ms · p95 ${q(xs, 95).toFixed(2)} ms · max ${Math.max(...xs).toFixed(2)} ms (n=${xs.length})`;

/**
 * Page-world probes (bench only), all in absolute time (performance.timeOrigin + …, comparable across frames):
 * when each input event was created (event.timeStamp) in the editor's document, the first DOM change of the
 * editor after each keystroke's beforeinput, and every change in the overlay's shadow root. A keystroke's
 * start is its input event; model editors (CKEditor 5) cancel beforeinput and fire no input event, so there it
 * is the moment the editor wrote the keystroke into its DOM.
 */
export async function installProbes(page, frame) {
  await frame.evaluate(() => {
    const top = window.top;
    top.__keys = [];
    let armed = false;
    document.addEventListener('beforeinput', () => { armed = true; top.__keys.push({ dom: null, input: null }); }, true);
    document.addEventListener('input', (e) => {
      const k = top.__keys.at(-1);
      if (k) k.input = performance.timeOrigin + e.timeStamp;
    }, true);
    new MutationObserver(() => {
      const k = top.__keys.at(-1);
      if (armed && k && k.dom === null) k.dom = performance.timeOrigin + performance.now();
      armed = false;
    }).observe(top.__cms.editorRoot(), { subtree: true, childList: true, characterData: true });
  });
  await overlayOf(page).evaluate((root) => {
    window.__overlay = [];
    new MutationObserver(() => window.__overlay.push(performance.timeOrigin + performance.now())).observe(root, {
      subtree: true, childList: true, attributes: true, characterData: true,
    });
  });
}

/** Latency from the last keystroke's start (see installProbes) to the first overlay change after it. */
export async function lastLatency(page) {
  return page.evaluate(() => {
    const k = [...window.__keys].reverse().find((x) => x.input !== null || x.dom !== null);
    if (!k) return null;
    const t = k.input ?? k.dom;
    const o = window.__overlay.find((x) => x >= t);
    return o === undefined ? null : o - t;
  });
}
