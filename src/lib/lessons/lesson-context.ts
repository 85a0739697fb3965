import type { Panel } from '../grid/panel';
import type { StudyRegion } from '../grid/study-region';

/**
 * What a lesson's computation may use besides its own input: the panel the workbench has binned
 * (its study region's cells; null before any data is binned), a cancel signal checked between
 * steps, and progress for long answers. Lessons never read files or the network.
 */
export interface LessonContext {
  readonly panel: Panel | null;
  /** The user's boundary as a study region; null without one (then the backtest's rule: cells with an incident before the first cutoff). */
  readonly region: StudyRegion | null;
  readonly signal: AbortSignal;
  readonly progress: (message: string, done: number, total: number) => void;
}

/** One lesson's computation in the worker: plain, structured-cloneable input in, plain output out (no functions, no class instances). */
export type LessonRunner<I, O> = (input: I, context: LessonContext) => Promise<O>;
