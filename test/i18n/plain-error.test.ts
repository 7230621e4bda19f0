import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { plainError } from '@/lib/plain-error';
import { describeProblems, plainTextProblems } from '../helpers/plain-chinese.mjs';

const thrown = (f: () => unknown): unknown => {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('did not throw');
};

/** Errors as the libraries really throw them (or with their real names and texts where they need a browser). */
const CASES: [string, unknown, RegExp][] = [
  ['JSON.parse', thrown(() => JSON.parse('{"a": [1,')), /已损坏.*重新导出或重新下载/],
  ['zod', thrown(() => z.object({ year: z.number() }).parse({ year: 'x' })), /格式不对/],
  ['quota (Chromium)', new Error('QUOTA_BYTES quota exceeded'), /存储空间已满.*导出全部/],
  ['quota (Firefox)', new DOMException('The quota has been exceeded.', 'QuotaExceededError'), /存储空间已满/],
  ['pdf.js password', Object.assign(new Error('No password given'), { name: 'PasswordException' }), /设有密码/],
  ['pdf.js invalid', Object.assign(new Error('Invalid PDF structure.'), { name: 'InvalidPDFException' }), /PDF 文件已损坏/],
  ['mammoth / JSZip', new Error("End of data reached (data length = 0, asked index = 4). Corrupted zip ?"), /Word 文件已损坏.*另存为/],
  ['mammoth / JSZip (no zip)', new Error("Can't find end of central directory : is this a zip file ?"), /Word 文件已损坏/],
  ['fetch', new TypeError('Failed to fetch'), /无法连接该网站/],
  ['abort', new DOMException('The operation was aborted.', 'AbortError'), /时间过长/],
  ['file gone', new DOMException('The requested file could not be read', 'NotReadableError'), /重新选择文件/],
  ['extension reloaded', new Error('Extension context invalidated.'), /刷新编辑页面/],
  ['no content script', new Error('Could not establish connection. Receiving end does not exist.'), /刷新编辑页面/],
  ['anything else', new RangeError('Maximum call stack size exceeded'), /意外问题.*刷新页面/],
  ['a string thrown', 'boom', /意外问题/],
  ['nothing thrown', undefined, /意外问题/],
];

describe('plainError: a library\'s exception becomes what the clerk should do', () => {
  for (const [what, e, said] of CASES)
    it(`${what}: says what to do, in plain Chinese, without the library's words`, () => {
      const text = plainError(e);
      expect(text).toMatch(said);
      expect(describeProblems(plainTextProblems(text))).toBe('');
      const original = String((e as { message?: unknown })?.message ?? '');
      if (original) expect(text).not.toContain(original.slice(0, 12));
    });
});
