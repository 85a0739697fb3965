/**
 * Declares one slice's fuzz tests: runs its cases (all, or the one FUZZ_CASE=slice:index names),
 * collects every failure with the case that reproduces it, prints the outcome counts and the
 * slowest case, and writes them to test/output/fuzz-<slice>.json for docs/robustness.md. A
 * watchdog thread kills the run, naming the case, if one case runs longer than 20 s (a hang
 * inside synchronous code would otherwise stall vitest itself).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SliceName } from '../fixtures/io/real-slices';
import { FuzzFailure, runCase, seedsOf, type Outcome, type Seed } from './fuzz-harness';

const HANG_MS = 20_000;

/** Per-slice figures, as printed and written to test/output/fuzz-<slice>.json. */
export interface FuzzFigures {
  readonly slice: SliceName;
  readonly cases: number;
  readonly outcomes: Record<string, number>;
  readonly byMutation: Record<string, Record<string, number>>;
  readonly slowest: { readonly case: string; readonly ms: number; readonly kind: string; readonly mutation: string };
  readonly failures: readonly string[];
}

/** Cases per test: small enough that each test ends well inside the unit project's timeout on a busy machine. */
const CHUNK = 325;

/**
 * `cases` seeded cases over the four seeds of `slice` (see `runCase`), as tests of 325 cases;
 * the figures are printed and written once all have run.
 * @example fuzzSuite('chicago', 2600) // declares eight tests
 */
export function fuzzSuite(slice: SliceName, cases: number): void {
  const only = process.env.FUZZ_CASE?.split(':');
  const figures = { outcomes: {} as Record<string, number>, byMutation: {} as Record<string, Record<string, number>>, failures: [] as string[], cases: 0 };
  let slowest = { case: '', ms: -1, kind: '', mutation: '' };
  let seeds: Seed[] = [];
  let watchdog: Worker | undefined;
  const shared = new Int32Array(new SharedArrayBuffer(8));

  describe(`fuzz: ${cases} mutated ${slice} files through the load path`, () => {
    beforeAll(() => {
      seeds = seedsOf(slice);
      watchdog = startWatchdog(shared, slice);
    });
    afterAll(() => {
      void watchdog?.terminate();
      const result: FuzzFigures = {
        slice,
        cases: figures.cases,
        outcomes: figures.outcomes,
        byMutation: figures.byMutation,
        slowest,
        failures: figures.failures,
      };
      console.log(`fuzz ${slice}: ${JSON.stringify({ cases: result.cases, outcomes: result.outcomes, slowest })}`);
      if (!only) {
        mkdirSync(new URL('../output/', import.meta.url), { recursive: true });
        writeFileSync(new URL(`../output/fuzz-${slice}.json`, import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
      }
    });

    for (let from = 0; from < cases; from += CHUNK) {
      const to = Math.min(cases, from + CHUNK);
      const indices = only ? (only[0] === slice && Number(only[1]) >= from && Number(only[1]) < to ? [Number(only[1])] : []) : range(from, to);
      it(`cases ${from}–${to - 1} end in exact row accounting or Hexcast's own error naming the file`, () => {
        const failures: string[] = [];
        for (const index of indices) {
          Atomics.store(shared, 1, index);
          Atomics.add(shared, 0, 1);
          let outcome: Outcome;
          try {
            outcome = runCase(seeds, slice, index);
          } catch (error) {
            const why = error instanceof FuzzFailure ? error.message : `a foreign exception: ${String(error)}`;
            failures.push(`FUZZ_CASE=${slice}:${index} (seed ${seeds[index % seeds.length].name}): ${why}`);
            continue;
          }
          figures.cases++;
          figures.outcomes[outcome.kind] = (figures.outcomes[outcome.kind] ?? 0) + 1;
          const counts = (figures.byMutation[outcome.mutation] ??= {});
          counts[outcome.kind] = (counts[outcome.kind] ?? 0) + 1;
          if (outcome.ms > slowest.ms)
            slowest = { case: `${slice}:${index}`, ms: Math.round(outcome.ms * 10) / 10, kind: outcome.kind, mutation: outcome.mutation };
        }
        figures.cases += failures.length;
        figures.outcomes.failure = (figures.outcomes.failure ?? 0) + failures.length;
        figures.failures.push(...failures);
        expect(failures.slice(0, 20)).toEqual([]);
      });
    }
  });
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}

/**
 * A thread that watches the case counter and kills the process, naming the case, when it stalls
 * (its interval keeps it alive; the main side unrefs it and terminates it after the last test).
 */
function startWatchdog(shared: Int32Array, slice: string): Worker {
  const code = `
    const { workerData } = require('node:worker_threads');
    const shared = workerData.shared;
    let last = -1, since = Date.now();
    setInterval(() => {
      const count = Atomics.load(shared, 0);
      if (count !== last) { last = count; since = Date.now(); return; }
      if (Date.now() - since > ${HANG_MS}) {
        process.stderr.write('fuzz: case FUZZ_CASE=${slice}:' + Atomics.load(shared, 1) + ' ran over ${HANG_MS / 1000} s: killing the run\\n');
        process.kill(process.pid, 'SIGKILL');
      }
    }, 500);
  `;
  const worker = new Worker(code, { eval: true, workerData: { shared } });
  worker.unref();
  return worker;
}
