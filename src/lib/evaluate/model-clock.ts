import type { FitProgress } from '../forecast/forecaster';

/** Progress that is not an edge goes out at most this often, per model (ms). */
export const PROGRESS_INTERVAL_MS = 50;

/** Loss curves with at most this many steps (epochs, Newton iterations) are passed point by point. */
const MAX_UNTHROTTLED_STEPS = 100;

/**
 * Whether a fit report is a point of a short loss curve (epochs, Newton iterations: tens of
 * steps), which a live chart draws point by point: such reports always go out, or the chart
 * would miss most of them (a GLM's 5–8 Newton steps take well under 50 ms each on a small
 * panel); long traces (EM, hundreds of steps) are sampled.
 * @example isCurvePoint({ stage: 'newton', step: 2, steps: 8, loss: 1.3, elapsedMs: 4 }) // → true
 */
export function isCurvePoint(fit: FitProgress | undefined): boolean {
  return fit?.loss !== undefined && (fit.steps ?? Infinity) <= MAX_UNTHROTTLED_STEPS;
}

/**
 * One clock per model for throttling run progress, shared by the app worker's throttle and the
 * CLI fold threads' (`progressThrottle`, `foldProgressThrottle`). Per model, because in a run
 * spread over workers or threads the reports of different models interleave: one shared clock
 * would let each model's report through as an edge.
 * @example const clock = modelClock(); clock.due(0, false) // → true (a model's first report), then false for 50 ms
 */
export function modelClock(now: () => number = () => performance.now()): {
  /** Whether `model`'s report goes out now: an edge always, else once `PROGRESS_INTERVAL_MS` has passed since its last one; notes the time when it does. */
  due(model: number, edge: boolean): boolean;
} {
  const sentAt = new Map<number, number>();
  return {
    due(model, edge) {
      const t = now();
      const last = sentAt.get(model);
      if (!edge && last !== undefined && t - last < PROGRESS_INTERVAL_MS) return false;
      sentAt.set(model, t);
      return true;
    },
  };
}
