import type { FitProgress } from '../forecast/forecaster';
import type { FoldProgress } from './fold-tasks';
import { heldThrottle, isCurvePoint } from './model-clock';

/** A throttled `FoldProgress` and the flush of the reports it held back. */
export type ThrottledFoldProgress = FoldProgress & {
  /** Sends each model's latest held-back report (the last step of a long trace), once; call when the task ends. */
  flush(): void;
};

/**
 * The fold progress a helper thread sends on (the CLI's fold threads; the app's worker throttles
 * what it posts to the page with `progressThrottle`, by the same rules): each model's first report,
 * every new fold, and every point of a short loss curve (epochs, Newton iterations: tens) at once;
 * other reports (a long EM trace) at most every `PROGRESS_INTERVAL_MS` per model (`heldThrottle`),
 * since the tasks of several models run at once and interleave. The latest report held back goes out before
 * the model's next fold and at `flush()` (the task's end), so a trace's last step is never lost.
 * @example const send = foldProgressThrottle(post); send(0, 3, { stage: 'em', step: 7, steps: 200 }); send.flush() // posted now or at the flush
 */
export function foldProgressThrottle(send: FoldProgress, now: () => number = () => performance.now()): ThrottledFoldProgress {
  const throttle = heldThrottle<[number, number, FitProgress | undefined]>(([model, fold, fit]) => send(model, fold, fit), now);
  const lastFold = new Map<number, number>();
  const throttled = (model: number, fold: number, fit?: FitProgress): void => {
    const edge = lastFold.get(model) !== fold || isCurvePoint(fit);
    lastFold.set(model, fold);
    throttle.offer(model, fold, [model, fold, fit], edge, fit !== undefined);
  };
  return Object.assign(throttled, { flush: () => throttle.flush() });
}
