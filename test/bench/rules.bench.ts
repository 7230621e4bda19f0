/** `npm run bench`: time of a full rule check (all rules, with a prior year), median and p95. */
import { performance } from 'node:perf_hooks';
import { checkReport } from '@/lib/rules';
import type { CheckInput } from '@/lib/report';
import { consistent } from '../rules/gen';

const RUNS = 20_000;

function measure(input: CheckInput, prior: CheckInput): { median: number; p95: number; findings: number } {
  let findings = 0;
  for (let i = 0; i < 2000; i++) findings = checkReport(input, prior).length; // warm-up (JIT, caches)
  const t = new Float64Array(RUNS);
  for (let i = 0; i < RUNS; i++) {
    const a = performance.now();
    checkReport(input, prior);
    t[i] = performance.now() - a;
  }
  t.sort();
  return { median: t[RUNS >> 1]!, p95: t[Math.floor(RUNS * 0.95)]!, findings };
}

function row(name: string, input: CheckInput, prior: CheckInput): void {
  const r = measure(input, prior);
  const cells = Object.keys(input.values).length;
  console.log(
    `${name.padEnd(34)} ${String(cells).padStart(4)} cells  ${String(r.findings).padStart(2)} findings  median ${(r.median * 1000).toFixed(1).padStart(6)} µs  p95 ${(r.p95 * 1000).toFixed(1).padStart(6)} µs  (${RUNS} runs)`,
  );
}

export default async function rulesBench(): Promise<void> {
  console.log('full check: every rule of the format, with the prior year (target: median < 200 µs)');
  const g21 = consistent('gov2021', 2021);
  row('gov2021 complete, consistent', g21.input, g21.prior);
  const bad = { ...g21.input, values: { ...g21.input.values } };
  bad.values['apply.partial.research'] = (bad.values['apply.partial.research'] as number) + 9;
  bad.values['appeal.review.total'] = (bad.values['appeal.review.total'] as number) + 1;
  bad.values['apply.carried.natural'] = null;
  row('gov2021 with 2 errors and a blank', bad, g21.prior);
  const g14 = consistent('gov2014', 2014);
  row('gov2014 complete, consistent', g14.input, g14.prior);
  const g19 = consistent('gov2019', 2019);
  row('gov2019 complete, consistent', g19.input, g19.prior);
}
