/**
 * `npm run bench`: the check pipeline of one keystroke, as the live page's tracker runs it (lib/page/tracker.ts
 * `check`: the report's values, the recently edited cells, the narrative signature, `check` with the narrative's
 * findings passed in), on the report of the e2e pages while a clerk types into 表三 本年新收·自然人: a wrong
 * figure (a badge appears), another (it updates), the right one (it clears), a blank on the way. The pipeline
 * as it was before its speed-up (test/check/reference, frozen) runs in the same process, interleaved with the
 * live one, so a busy machine slows both alike: the figure that counts is the ratio. `COLD=1` also runs it in a
 * child process whose code is never optimised beyond V8's baseline tier (a page's first few keystrokes).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { keystrokes, type Pipeline } from './check-keystrokes';

const ROUNDS = Number(process.env.CHECK_ROUNDS ?? 41);

function timeRounds(pipes: Pipeline[], keys: ReturnType<typeof keystrokes>, perRound: number): number[][] {
  const times = pipes.map(() => [] as number[]);
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate which runs first, so neither always gets the warmer caches of the CPU.
    const order = round % 2 ? [...pipes.keys()].reverse() : [...pipes.keys()];
    for (const p of order) {
      const a = performance.now();
      for (let i = 0; i < perRound; i++) keys.run(pipes[p]!);
      times[p]!.push((performance.now() - a) / (perRound * keys.length));
    }
  }
  return times;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const us = (ms: number) => `${(ms * 1000).toFixed(1).padStart(7)} µs`;

function report(label: string, warmups: number, perRound: number): void {
  for (const scenario of ['typing', 'prior', 'wrong', 'right', 'blank', 'half'] as const) {
    const keys = keystrokes(scenario);
    for (let i = 0; i < warmups; i++) for (const p of keys.pipes) keys.run(p);
    const [ref, now] = timeRounds(keys.pipes, keys, perRound) as [number[], number[]];
    const ratio = median(ref.map((r, i) => r / now[i]!));
    console.log(`${label} ${keys.title.padEnd(44)} before ${us(median(ref))}  now ${us(median(now))}  ×${ratio.toFixed(1)} faster`);
  }
}

export default async function checkBench(): Promise<void> {
  console.log(`per keystroke: tracker's check of one gov2021 report (median per keystroke, ${ROUNDS} interleaved rounds; target: several times faster)`);
  report('warm', 300, 40);
  if (process.env.COLD !== '1') return console.log('(COLD=1 adds the same run with V8 kept to its baseline tier)');
  const child = spawnSync(process.execPath, ['--max-opt=1', '--import', 'tsx', fileURLToPath(import.meta.url)], {
    stdio: 'inherit',
    env: { ...process.env, CHECK_BENCH_CHILD: '1' },
  });
  if (child.status !== 0) console.log('(the baseline-tier run failed)');
}

if (process.env.CHECK_BENCH_CHILD === '1') report('cold', 2, 4);
