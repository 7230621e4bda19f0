/** Types of ./make-files.mjs (shared by the unit tests and the e2e tests). */
export function zip(entries: ({ name: string; data: Uint8Array } | { name: string; packed: Uint8Array; size: number; crc: number })[]): Uint8Array;
export function concat(parts: Uint8Array[]): Uint8Array;
export function docx(bodyXml: string): Uint8Array;
export function zipBombDocx(mb?: number): Uint8Array;
export function pdfOfPages(pages: number): Uint8Array;
