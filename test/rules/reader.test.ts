import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readFile } from '@/lib/read';
import { checkReport, inputOf } from '@/lib/rules';
import type { CheckInput } from '@/lib/report';
import { describeReal, sharedPath } from '../real-reports';
import { errors } from './helpers';
import { seed001 } from './seed001';
import { shanghai2019 } from './shanghai2019';
import { HEAVY } from '../helpers/heavy';


async function read(path: string): Promise<CheckInput> {
  const bytes = new Uint8Array(readFileSync(sharedPath(path)));
  const reports = await readFile(bytes, path.split('/').pop()!);
  expect(reports).toHaveLength(1);
  const input = inputOf(reports[0]!);
  expect(input).not.toBeNull();
  return input!;
}

describeReal('through the reader (real reports of ../shared)', () => {
  it('seed 001: no error; its narrative mismatch (783 vs 927) is the one warning', async () => {
    const input = await read('seeds/001_564ee96d51f4a710.txt');
    expect(input.values).toEqual(seed001.values);
    const fs = checkReport(input);
    expect(errors(fs)).toEqual([]);
    expect(fs.map((f) => [f.rule, f.severity, f.cells])).toEqual([['P-TEXT', 'warning', ['c.channels.website']]]);
  });

  it('Shanghai 2019: the blank 总计 column is deduced, not an error', async () => {
    const input = await read('corpus/2019-shanghai-office-1.html');
    for (const [id, v] of Object.entries(shanghai2019.values)) expect([id, input.values[id]]).toEqual([id, v]);
    const fs = checkReport(input);
    expect(errors(fs)).toEqual([]);
    const deduced = fs.filter((f) => f.target && f.severity === 'info').map((f) => [f.target, f.expected]);
    expect(deduced).toEqual(checkReport(shanghai2019).filter((f) => f.target && f.severity === 'info').map((f) => [f.target, f.expected]));
    expect(deduced).toHaveLength(11);
  });

  it('Shanghai 2025 (text from a PDF, complete gov2021): no finding', async () => {
    const input = await read('corpus/2025-shanghai-office-1.txt');
    expect(Object.keys(input.values)).toHaveLength(200);
    expect(checkReport(input)).toEqual([]);
  });

  it('a 2022 report in gov2019 labels: P-FORMAT', async () => {
    const input = await read('corpus/2022-jiaxian-xizhen-1.txt');
    expect(checkReport(input).map((f) => [f.rule, f.severity])).toEqual([['P-FORMAT', 'error']]);
  });

  it('with a prior year agreeing on 结转: nothing; one column off: X-CARRY on that column', async () => {
    const cur = await read('corpus/2025-shanghai-office-1.txt');
    const prior: CheckInput = { format: 'gov2021', year: 2024, values: {} };
    for (const id in cur.values) if (id.startsWith('apply.carried.')) prior.values[id.replace('carried', 'carryForward')] = cur.values[id]!;
    expect(checkReport(cur, prior)).toEqual([]);
    prior.values['apply.carryForward.total'] = (prior.values['apply.carryForward.total'] as number) + 1;
    // 表三 balances with this year's 上年结转, so last year's figure is not offered as a fix.
    expect(checkReport(cur, prior).map((f) => [f.rule, f.cells[0], f.expected])).toEqual([['X-CARRY', 'apply.carried.total', undefined]]);
  });
}, HEAVY);
