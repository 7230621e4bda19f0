import { describe, it } from 'vitest';
import { HAVE_SHARED, SKIP_REASON } from './shared-dir.mjs';

export { HAVE_SHARED, SHARED_DIR, SKIP_REASON, sharedPath } from './shared-dir.mjs';

const said = new Set<string>();
const sayOnce = (title: string) => {
  if (HAVE_SHARED || said.has(title)) return;
  said.add(title);
  console.warn(`[${title}] ${SKIP_REASON}`);
};

/** describe() that needs the real reports of ../shared: skipped with the reason in its title when absent. */
export function describeReal(title: string, fn: () => void, options?: { timeout?: number }) {
  sayOnce(title);
  return describe.skipIf(!HAVE_SHARED)(HAVE_SHARED ? title : `${title} (${SKIP_REASON})`, options ?? {}, fn);
}

/** it() that needs the real reports of ../shared: skipped with the reason in its title when absent. */
export function itReal(title: string, fn: () => unknown, timeout?: number) {
  sayOnce(title);
  return it.skipIf(!HAVE_SHARED)(HAVE_SHARED ? title : `${title} (${SKIP_REASON})`, fn, timeout);
}
