import { describe, expect, it } from 'vitest';
import { auditBatch } from '@/lib/batch/audit';
import { packInput, unpackInput } from '@/lib/batch/pack';
import { readFile } from '@/lib/read/file';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { portable } from '@/lib/batch/read';

describe('a batch input packed for the page to keep', () => {
  it('audits exactly as the input it was packed from, at a fraction of the size', async () => {
    const bytes = new Uint8Array(readFileSync(resolve(__dirname, '../fixtures/read/report-2023.html')));
    const reports = (await readFile(bytes, 'report-2023.html')).map(portable);
    const typo = structuredClone(reports);
    const cell = Object.values(typo[0]!.cells).find((c) => c.value !== null)!;
    cell.value = cell.value! + 3;
    cell.raw = `约${cell.value}`;
    cell.unreadable = true;
    for (const input of [{ name: 'a.html', reports }, { name: 'b.html', reports: typo }, { name: 'c.pdf', error: '坏' }]) {
      const packed = packInput(input);
      const back = unpackInput(packed)!;
      const strip = (rows: ReturnType<typeof auditBatch>) => JSON.parse(JSON.stringify(rows));
      expect(strip(auditBatch([back]))).toEqual(strip(auditBatch([input])));
      if ('reports' in input) expect(packed.length).toBeLessThan(JSON.stringify(input).length / 2);
    }
  });

  it('damaged text unpacks to nothing, never throws', () => {
    expect(unpackInput('{"name":')).toBeNull();
    expect(unpackInput('[1,2]')).toBeNull();
    expect(unpackInput('{"name":"x","reports":3}')).toBeNull();
  });
});
