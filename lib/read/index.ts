/**
 * The report reader: any rendering of a 政府信息公开工作年度报告 → Report (canonical cell ids,
 * values, where each came from). Stable public API.
 *
 * In a content script import `readDom` / `mayHoldReport` from './dom' (no HTML parser bundled).
 */
export { mayHoldReport, readDom } from './dom';
export { readHtml } from './html';
export { readText } from './text';
export { readFile } from './file';
export { parseValue } from './value';
