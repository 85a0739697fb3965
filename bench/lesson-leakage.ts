/**
 * The `leakage` lesson's answers on the bundled sample (Chicago, res 8, weekly), two baselines and
 * 8 folds: the first (honest backtest + dropping the zeros, cold), the slowest mistake (tuning on
 * the test folds), the random split, then a mistake already run (from the worker's cache).
 * Target: first answer < 2 s (issue 12).
 */
import { leakageLesson } from '../src/lib/lessons/leakage-lesson';
import { bundledSamplePanel } from '../test/fixtures/bundled-sample-panel';
import { emit, timed } from './measure';

const panel = bundledSamplePanel();
const context = { panel, region: null, signal: new AbortController().signal, progress: () => {} };
const [first, firstMs] = await timed(() => leakageLesson({ mistake: 'zeros-dropped', metric: 'pai' }, context));
const [, slowestMs] = await timed(() => leakageLesson({ mistake: 'tuning-on-test', metric: 'pai' }, context));
const [, randomMs] = await timed(() => leakageLesson({ mistake: 'random-split', metric: 'pai' }, context));
const [, cachedMs] = await timed(() => leakageLesson({ mistake: 'zeros-dropped', metric: 'mae' }, context));
emit({
  name: `lesson-leakage: bundled sample ${first.cells} cells × ${first.periods} weeks, ${first.folds} folds, naive + historic average`,
  firstAnswerMs: firstMs,
  tuningOnTestMs: slowestMs,
  randomSplitMs: randomMs,
  cachedMs,
});
