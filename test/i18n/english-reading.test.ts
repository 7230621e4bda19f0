import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setLocale } from '@/lib/i18n';
import { fileKind } from '@/lib/read/kind';
import { readFile, readHtml } from '@/lib/read';

const bytes = (s: string) => new TextEncoder().encode(s);
const chinese = (text: string) => text.match(/[\u4e00-\u9fff]+/g) ?? [];

/** Files and pages that cannot be read, each for its own reason. */
async function readingTexts(): Promise<string[]> {
  const kinds = [
    fileKind('empty.pdf', new Uint8Array()),
    fileKind('fake.pdf', bytes('hello')),
    fileKind('fake.docx', bytes('hello')),
    fileKind('old.doc', bytes('x')),
    fileKind('sheet.xlsx', bytes('x')),
    fileKind('scan.png', bytes('x')),
    fileKind('thing.exe', bytes('x')),
    fileKind('renamed.txt', new Uint8Array([0, 1, 2, 3])),
  ].flatMap((k) => (k.ok ? [] : [k.message]));
  const reads = [
    await readFile(new Uint8Array(), 'empty.txt'),
    await readFile(bytes('not a zip'), 'a.docx'),
    await readFile(bytes('not a pdf'), 'a.pdf'),
    await readFile(bytes('{"version": 1, "reports": []}'), 'none.json'),
    readHtml('<html><body></body></html>', 'empty.html'),
    readHtml('<html><body><p>hello</p></body></html>', 'text.html'),
    readHtml('<table><tr><td>a</td><td>1</td></tr></table>', 'other.html'),
  ].flatMap((rs) => rs.flatMap((r) => r.problems.map((p) => p.message)));
  return [...kinds, ...reads];
}

describe('reading texts in English', () => {
  beforeEach(() => setLocale('en'));
  afterEach(() => setLocale('zh'));

  it('every message about a file or page that cannot be read is English (the file names quoted as given)', async () => {
    const texts = await readingTexts();
    expect(texts.length).toBeGreaterThanOrEqual(13);
    for (const text of texts) expect(chinese(text), text).toEqual([]);
    setLocale('zh');
    const zh = await readingTexts();
    expect(zh.length).toBe(texts.length);
    for (const text of zh) expect(chinese(text).length, text).toBeGreaterThan(0);
  });
});
