/**
 * `npm run bench`: the check pipeline of one keystroke, as the live page's tracker runs it (lib/page/tracker.ts
 * `check`: the report's values, the recently edited cells, the narrative signature, `check` with the narrative's
 * findings passed in), on the report of the e2e pages while a clerk types into 表三 本年新收·自然人 (a wrong
 * figure: a badge appears; another: it updates; the right one: it clears; blanks on the way). The pipeline as it
 * was before its speed-up (test/check/reference, frozen) runs in the same process, interleaved with the live one,
 * so a busy machine slows both alike: the figure that counts is the ratio. Printed for Node (optimised code), Node
 * kept to V8's baseline tier (a page's first keystrokes: code not yet optimised), and Chromium on the page itself,
 * unthrottled and with the CPU throttled 4× (an old office PC). Target: several times faster.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SCENARIO_NAMES, compare, type Scenario, type Timing } from './check-keystrokes';
import { PAGE_HTML, TITLE, pageReport } from './check-page';
import { inChromium } from './in-chromium';

const us = (ms: number) => `${(ms * 1000).toFixed(1).padStart(7)} µs`;
const line = (where: string, t: Timing) =>
  console.log(`${where.padEnd(13)} ${t.title.padEnd(46)} before ${us(t.before)}  now ${us(t.now)}  ×${t.ratio.toFixed(1)} faster`);

function node(where: string, o: { warmups: number; perRound: number; rounds: number }): void {
  for (const s of SCENARIO_NAMES) line(where, compare(s, pageReport(), o));
}

export default async function checkBench(): Promise<void> {
  console.log('per keystroke, the tracker\'s check of the e2e pages\' gov2021 report: median per keystroke, before → now, ratio of rounds run side by side');
  node('node', { warmups: 300, perRound: 40, rounds: 41 });
  const child = spawnSync(process.execPath, ['--max-opt=1', '--import', 'tsx', fileURLToPath(import.meta.url)], {
    stdio: 'inherit',
    env: { ...process.env, CHECK_BENCH_BASELINE: '1' },
  });
  if (child.status !== 0) console.log('(the baseline-tier run failed)');
  await chromium();
}

/**
 * In Chromium, on the report in a page; each scenario in a fresh page (its code not yet optimised, as on a clerk's
 * page). Chromium's clock ticks in 0.1 ms here, so a round is 8 runs.
 */
async function chromium(): Promise<void> {
  await inChromium('check-browser.ts', async (open) => {
    for (const rate of [1, 4]) {
      for (const s of SCENARIO_NAMES) {
        const page = await open(rate, `${TITLE}${readFileSync(PAGE_HTML, 'utf8')}`);
        const t = await page.evaluate(
          ([scenario, o]) => (globalThis as unknown as { nbCheck: { compare(s: Scenario, o: object): Timing } }).nbCheck.compare(scenario, o),
          [s, { warmups: 2, perRound: 8, rounds: 15 }] as const,
        );
        line(rate === 1 ? 'chromium' : `chromium ${rate}×`, t);
        await page.close();
      }
    }
  });
}

if (process.env.CHECK_BENCH_BASELINE === '1') node('node baseline', { warmups: 2, perRound: 4, rounds: 21 });
