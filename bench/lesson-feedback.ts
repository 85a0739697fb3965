/**
 * Issue 12's target for the feedback lesson: the first interactive answer in under 2 s on the
 * bundled sample. Timed: the worker's `feedback` runner on the sample's binned panel (binning is
 * the workbench's, done at start-up, and timed apart), with the lesson's default controls and
 * then with the correction on and 20 % of cells patrolled (the slowest control setting).
 */
import { feedbackLesson } from '../src/lib/lessons/feedback-lesson';
import { bundledSamplePanel, lessonContextOf } from './bundled-sample-panel';
import { emit, timed } from './measure';

const [panel, binMs] = await timed(() => bundledSamplePanel());
const context = lessonContextOf(panel);
const [first, firstMs] = await timed(() => feedbackLesson({ seed: 1, patrolShare: 0.05, boost: 3, correction: false }, context));
const [, widestMs] = await timed(() => feedbackLesson({ seed: 2, patrolShare: 0.2, boost: 3, correction: true }, context));
emit({
  name: 'feedback lesson, first answer on the bundled sample',
  cells: first.cells.length,
  months: first.months,
  binMs,
  firstAnswerMs: firstMs,
  widestSettingMs: widestMs,
  targetMs: 2000,
});
