import type { RunProgress } from '../evaluate/run-forecasts';
import type { Progress } from './protocol';

/** Run progress that is not an edge goes out at most this often, per model (ms). */
export const PROGRESS_INTERVAL_MS = 50;

/** Loss curves with at most this many steps (epochs, Newton iterations) are sent point by point. */
const MAX_UNTHROTTLED_STEPS = 100;

/**
 * Passes stage changes, each model's first report and last fold, and every point of a short loss
 * curve at once; other run progress at most every `PROGRESS_INTERVAL_MS` per model. Per model,
 * because in a run spread over helper workers the reports of different models interleave: a
 * single clock would let each model's report through as an edge, and a long EM trace would go
 * out message by message (the page copies a fold's curve at each).
 * @example const throttled = progressThrottle(send); throttled(progress) // sent, or dropped as too soon
 */
export function progressThrottle(send: (progress: Progress) => void, now: () => number = () => performance.now()): (progress: Progress) => void {
  const sentAt = new Map<number, number>();
  return (progress) => {
    if (progress.stage === 'forecast') {
      const run: RunProgress = progress.run;
      const t = now();
      const last = sentAt.get(run.modelIndex);
      // Every point of a short loss curve (epochs, Newton iterations: tens) goes out, or the live chart would miss most of
      // them (a GLM's 5–8 Newton steps take well under 50 ms each on a small panel); long EM traces are sampled.
      const point = run.fit?.loss !== undefined && (run.fit.steps ?? Infinity) <= MAX_UNTHROTTLED_STEPS;
      const edge = last === undefined || run.fold === run.folds || point;
      if (!edge && t - last < PROGRESS_INTERVAL_MS) return;
      sentAt.set(run.modelIndex, t);
    }
    send(progress);
  };
}
