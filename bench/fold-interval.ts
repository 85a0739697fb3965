/**
 * The fold interval (circular block bootstrap of a per-fold metric's mean): 52 folds, 2,000
 * resamples, as every report row computes it. Timed against the plain bootstrap the tests use as
 * their reference (same draws, arrays of numbers and a full sort per call).
 */
import { random } from '../src/lib/base/random';
import { foldInterval } from '../src/lib/evaluate/uncertainty/fold-interval';
import { plainBlockBootstrap } from '../test/fixtures/plain-block-bootstrap';
import { emit } from './measure';

/** Median milliseconds of `runs` calls of `work(i)`, after `runs / 2` warm-up calls. */
function medianMs(runs: number, work: (i: number) => unknown): number {
  for (let i = 0; i < runs / 2; i++) work(i);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    work(i);
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[runs >> 1];
}

const rng = random(77);
const values = Array.from({ length: 52 }, () => 1 + rng.normal());
const block = foldInterval(values, { seed: 0 }).block;
const hexcastMs = medianMs(50, (i) => foldInterval(values, { seed: i }));
const plainMs = medianMs(50, (i) => plainBlockBootstrap(values, i, block, 2000, 0.95));
emit({ name: 'fold interval, 52 folds × 2,000 resamples (median of 50)', block, hexcastMs, plainMs, ratio: plainMs / hexcastMs, targetMs: 10 });
