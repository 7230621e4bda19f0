import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfToText } from '@/lib/read/pdf';

const PDF = resolve(__dirname, '../fixtures/read/printed/borderless-gov2021-2023.pdf');

describe('reading a PDF', () => {
  it("leaves the engine's own Array.prototype.push and JSON.parse/stringify in place (pdf.js's polyfills are slower)", async () => {
    const before = [Array.prototype.push, JSON.parse, JSON.stringify];
    const text = await pdfToText(new Uint8Array(readFileSync(PDF)));
    expect(text).toContain('政府信息公开');
    expect([Array.prototype.push, JSON.parse, JSON.stringify].every((f, i) => f === before[i])).toBe(true);
  }, 60_000);
});
