/**
 * Issue 12's target for the `accuracy` lesson: its first answer (naive and historic-average
 * forecasts at 26 cutoffs on the sample, scored five ways at 31 coverages) in under 2 s.
 */
import { accuracyLesson } from '../src/lib/lessons/accuracy-lesson';
import { lessonContext, samplePanel } from './lesson-sample';
import { emit, timed } from './measure';

const panel = samplePanel();
const [first, firstMs] = await timed(() => accuracyLesson({ source: 'data', seed: 1 }, lessonContext(panel)));
const [, sparseMs] = await timed(() => accuracyLesson({ source: 'sparse', seed: 1 }, lessonContext(panel)));
emit({
  name: 'lesson accuracy: first answer on the bundled sample',
  cells: first.cells,
  periods: panel.periods.length,
  folds: first.folds,
  firstMs,
  sparseWorldMs: sparseMs,
  targetMs: 2000,
});
