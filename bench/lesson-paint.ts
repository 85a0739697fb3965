/**
 * Issue 12's target for the paint lesson: the first interactive answer in under 2 s on the
 * bundled sample. Timed: the `paint` runner on the sample's binned panel (binning is the
 * workbench's, done at start-up, and timed apart): the history map (no picks), then the scoring
 * of a full budget of picks against naive, historic average, KDE, hindsight and random.
 */
import { paintLesson } from '../src/lib/lessons/paint-lesson';
import { bundledSamplePanel, lessonContextOf } from './bundled-sample-panel';
import { emit, timed } from './measure';

const [panel, binMs] = await timed(() => bundledSamplePanel());
const context = lessonContextOf(panel);
const [history, historyMs] = await timed(() => paintLesson({ seed: 1, cutoff: null, picks: null }, context));
const picks = Array.from(history.cells.keys())
  .sort((a, b) => history.recent[b] - history.recent[a])
  .slice(0, history.budget)
  .map((c) => history.cells[c]);
const [scored, scoreMs] = await timed(() => paintLesson({ seed: 1, cutoff: history.cutoff, picks }, context));
emit({
  name: 'paint lesson, history map and scoring on the bundled sample',
  cells: history.cells.length,
  budget: history.budget,
  binMs,
  historyMs,
  scoreMs,
  picksHitRate: scored.result!.scores[0].hitRate,
  targetMs: 2000,
});
