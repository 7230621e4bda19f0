/**
 * Stand-in for pdf.js in the Chromium MV2 build (aliased in wxt.config.ts): pdf.js 5 needs APIs
 * newer than Chromium 86 (structuredClone, crypto.randomUUID, Array.prototype.at). The import page
 * there asks for the PDF's text to be pasted instead (see PDF_UNSUPPORTED in lib/import).
 */
export const GlobalWorkerOptions = { workerSrc: '' };

export function getDocument(): never {
  throw new Error('PDF reading is not available in this build');
}
