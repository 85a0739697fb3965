/**
 * The `leakage` lesson's first answer on the bundled sample (Chicago, res 8, weekly): the lab
 * with two baselines and 8 folds (all six mistakes, cold), then another mistake from the cache.
 * Target: first answer < 2 s (issue 12).
 */
import { leakageLesson } from '../src/lib/lessons/leakage-lesson';
import { bundledSamplePanel } from '../test/fixtures/bundled-sample-panel';
import { emit, timed } from './measure';

const panel = bundledSamplePanel();
const context = { panel, region: null, signal: new AbortController().signal, progress: () => {} };
const [first, firstMs] = await timed(() => leakageLesson({ mistake: 'zeros-dropped', metric: 'pai' }, context));
const [, nextMs] = await timed(() => leakageLesson({ mistake: 'random-split', metric: 'mae' }, context));
emit({
  name: `lesson-leakage: bundled sample ${first.cells} cells × ${first.periods} weeks, ${first.folds} folds, naive + historic average`,
  firstAnswerMs: firstMs,
  nextMistakeMs: nextMs,
});
