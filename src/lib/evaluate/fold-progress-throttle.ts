import type { FitProgress } from '../forecast/forecaster';
import type { FoldProgress } from './fold-tasks';

/** Fold progress that is not an edge goes out at most this often, per model (ms). */
export const FOLD_PROGRESS_INTERVAL_MS = 50;

/** Loss curves with at most this many steps (epochs, Newton iterations) are passed point by point. */
const MAX_UNTHROTTLED_STEPS = 100;

/** A throttled `FoldProgress` and the flush of the reports it held back. */
export type ThrottledFoldProgress = FoldProgress & {
  /** Sends each model's latest held-back report (the last step of a long trace), once; call when the task ends. */
  flush(): void;
};

/**
 * The fold progress a helper thread sends on (the CLI's fold threads; the app's worker throttles
 * what it posts to the page with `progressThrottle`, by the same rules): each model's first report,
 * every new fold, and every point of a short loss curve (epochs, Newton iterations: tens) at once;
 * other reports (a long EM trace) at most every `FOLD_PROGRESS_INTERVAL_MS` per model, since the
 * tasks of several models run at once and interleave. The latest report held back goes out before
 * the model's next fold and at `flush()` (the task's end), so a trace's last step is never lost.
 * @example const send = foldProgressThrottle(post); send(0, 3, { stage: 'em', step: 7, steps: 200 }); send.flush() // posted now or at the flush
 */
export function foldProgressThrottle(send: FoldProgress, now: () => number = () => performance.now()): ThrottledFoldProgress {
  const last = new Map<number, { fold: number; at: number }>();
  const held = new Map<number, { fold: number; fit?: FitProgress }>();
  const release = (model: number): void => {
    const report = held.get(model);
    if (!report) return;
    held.delete(model);
    send(model, report.fold, report.fit);
  };
  const throttled = (model: number, fold: number, fit?: FitProgress): void => {
    const t = now();
    const before = last.get(model);
    const point = fit?.loss !== undefined && (fit.steps ?? Infinity) <= MAX_UNTHROTTLED_STEPS;
    const edge = before === undefined || before.fold !== fold || point;
    if (!edge && t - before.at < FOLD_PROGRESS_INTERVAL_MS) {
      held.set(model, { fold, fit });
      return;
    }
    if (held.get(model)?.fold !== fold) release(model);
    held.delete(model);
    last.set(model, { fold, at: t });
    send(model, fold, fit);
  };
  return Object.assign(throttled, { flush: () => [...held.keys()].forEach(release) });
}
