// What evaluating the content script does on a page's load (wxt.config.ts: it only asks to run once the page is
// idle): run the file in a bare context whose only global is a `window` that records what is read from it.
import vm from 'node:vm';

/** Problems with what evaluating `code` touches (empty = it only asked for an idle callback). */
export function loadTouchProblems(code, name) {
  const read = [];
  const idle = [];
  const window = new Proxy(
    { requestIdleCallback: (fn, opts) => void idle.push({ fn, opts }) },
    { get: (target, key) => (read.push(String(key)), target[key]) },
  );
  try {
    vm.runInNewContext(code, { window }, { filename: name, timeout: 1000 });
  } catch (e) {
    return [`${name}: evaluating it must only ask for an idle callback, but it threw ${e instanceof Error ? e.message : e}`];
  }
  const problems = [];
  const other = read.filter((k) => k !== 'requestIdleCallback');
  if (other.length) problems.push(`${name}: evaluating it reads window.${other.join(', window.')} (only requestIdleCallback may be touched on load)`);
  if (idle.length !== 1 || typeof idle[0].fn !== 'function' || !(idle[0].opts?.timeout > 0)) {
    problems.push(`${name}: evaluating it must ask for exactly one idle callback with a timeout (asked ${idle.length})`);
  }
  return problems;
}
