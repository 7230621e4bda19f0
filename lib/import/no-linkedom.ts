/**
 * Stand-in for linkedom in the extension bundles (aliased in wxt.config.ts). The reader only falls
 * back to linkedom where there is no DOMParser (Node); extension pages always have one.
 */
export function parseHTML(): never {
  throw new Error('linkedom is not bundled in the extension; DOMParser is used instead');
}
