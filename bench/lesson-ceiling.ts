/**
 * Issue 12's target for the `ceiling` lesson: its first answer (simulate the world on the
 * sample's cells and weeks, backtest three baselines and the oracle) in under 2 s.
 */
import { ceilingLesson } from '../src/lib/lessons/ceiling-lesson';
import { CEILING_DEFAULTS } from '../src/lib/lessons/ceiling-defaults';
import { lessonContext, samplePanel } from './lesson-sample';
import { emit, timed } from './measure';

const panel = samplePanel();
const [first, firstMs] = await timed(() => ceilingLesson(CEILING_DEFAULTS, lessonContext(panel)));
const [, againMs] = await timed(() => ceilingLesson({ ...CEILING_DEFAULTS, seed: 2 }, lessonContext(panel)));
const [, exportMs] = await timed(() => ceilingLesson({ ...CEILING_DEFAULTS, exportArrow: true }, lessonContext(panel)));
emit({
  name: 'lesson ceiling: first answer on the bundled sample',
  cells: panel.cells.length,
  periods: panel.periods.length,
  folds: first.folds,
  firstMs,
  againMs,
  withExportMs: exportMs,
  targetMs: 2000,
});
