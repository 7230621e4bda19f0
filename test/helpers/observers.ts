/** How many MutationObservers `run` creates (the global constructor is counted, then put back). */
export function observersMadeBy(run: () => void): number {
  const Real = globalThis.MutationObserver;
  let made = 0;
  globalThis.MutationObserver = class extends Real {
    constructor(cb: MutationCallback) {
      super(cb);
      made++;
    }
  };
  try {
    run();
  } finally {
    globalThis.MutationObserver = Real;
  }
  return made;
}
