/**
 * The `regression` lesson's first answer on the bundled sample (Chicago, res 8, weekly): the 20
 * hottest cells of week 120 followed for 4 weeks, and 200 simulated worlds where nothing changes.
 * Target: first answer < 2 s (issue 12).
 */
import { regressionLesson } from '../src/lib/lessons/regression-lesson';
import { bundledSamplePanel } from '../test/fixtures/bundled-sample-panel';
import { emit, timed } from './measure';

const panel = bundledSamplePanel();
const context = { panel, region: null, signal: new AbortController().signal, progress: () => {} };
const [first, firstMs] = await timed(() => regressionLesson({ period: 120, k: 20, seed: 7 }, context));
const [, bigMs] = await timed(() => regressionLesson({ period: 200, k: 100, seed: 8 }, context));
emit({
  name: `lesson-regression: bundled sample ${first.cells} cells × ${first.periods} weeks, ${first.runs} simulated worlds`,
  firstAnswerMs: firstMs,
  k100Ms: bigMs,
});
