import fc from 'fast-check';
import { afterAll, describe, it } from 'vitest';
import { TARGETS, type Tally } from './targets';

/**
 * The fuzz suite: every target gets FUZZ_RUNS × its weight random inputs (a short run inside
 * `npm test`; `npm run fuzz` for the long one), from the seed in FUZZ_SEED or a fresh one, printed
 * so a failure can be replayed: FUZZ_SEED=<seed> npx vitest run test/fuzz.
 * An input fails on an exception, on taking longer than the target's budget, on a suggestion
 * outside its cell's domain or breaking a rule, on a cell id outside the catalogue, or on a
 * message with an unreadable number.
 */

const PER_WEIGHT = Number(process.env.FUZZ_RUNS) || 25;
const SEED = Number(process.env.FUZZ_SEED) || (Date.now() ^ (Math.random() * 2 ** 31)) >>> 0;
const tally: Tally = { suggestions: 0, importUnknownIds: 0 };
const rows: string[] = [];
let total = 0;

describe(`fuzz (seed ${SEED}, ${PER_WEIGHT} runs per weight)`, () => {
  for (const t of TARGETS) {
    const runs = PER_WEIGHT * t.weight;
    it(`${t.name}: ${runs} inputs, no exception, none over ${t.budgetMs} ms, nothing broken`, async () => {
      await t.warmUp?.();
      let slowest = 0;
      let count = 0;
      await fc.assert(
        fc.asyncProperty(t.arb, async (x) => {
          const started = performance.now();
          const broken = await t.run(x, tally);
          const took = performance.now() - started;
          count++;
          slowest = Math.max(slowest, took);
          if (took > t.budgetMs) throw new Error(`took ${Math.round(took)} ms (budget ${t.budgetMs} ms)`);
          if (broken.length) throw new Error(broken.slice(0, 5).join('\n'));
        }),
        { numRuns: runs, seed: SEED, endOnFailure: true },
      );
      total += count;
      rows.push(`${t.name.padEnd(18)} ${String(count).padStart(6)} inputs, slowest ${Math.round(slowest)} ms`);
    }, Math.max(60000, runs * t.budgetMs));
  }
  afterAll(() => {
    console.log(
      [
        `fuzz seed ${SEED}: ${total} inputs, 0 exceptions, 0 over budget, 0 broken (a failure stops its target)`,
        ...rows,
        `suggestions checked: ${tally.suggestions} (all in their cell's domain and satisfying their rules)`,
        `JSON/CSV import: cell ids outside the catalogue kept in parsed values: ${tally.importUnknownIds} (issue 13 item 8, validated by the store's import)`,
      ].join('\n'),
    );
  });
});
