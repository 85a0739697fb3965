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

/** The key under which `heldThrottle` holds a model's latest plain report (folds are ≥ 0). */
const PLAIN = -1;

/** A per-model throttle that holds back what it does not send (`heldThrottle`). */
export interface HeldThrottle<R> {
  /**
   * Sends `report` (of `model`'s `fold`) when it is due — an `edge`, or the model's interval passed
   * (`modelClock`) — after the reports held back for the model's folds; else holds it back: as that
   * fold's latest when `trace` (a step of a fit's trace, which that fold's chart must get), else as
   * the model's latest plain report (which any later report of the model supersedes).
   */
  offer(model: number, fold: number, report: R, edge: boolean, trace: boolean): void;
  /** Sends the reports held back for `model` (every model's when undefined), once. */
  flush(model?: number): void;
}

/**
 * The throttling rule of run progress, shared by the CLI fold threads' throttle and the app
 * worker's (`foldProgressThrottle`, `progressThrottle`): a report goes out when it is due
 * (`modelClock`), else it is held back — a trace step as the latest of its model and fold, a plain
 * report as its model's latest; what a model holds back goes out before its next report sent (its
 * folds' last trace steps, in the order they were held; a plain report held is dropped when a plain
 * report is sent, which carries as much) and at `flush` — so the last step of a fold's trace is
 * never lost, and plain reports (one a fold in a fast run) stay at one an interval. Trace steps are
 * held per fold, because in a run spread over workers one model's folds run at once and interleave.
 * A held report waits for its model's next report sent, a stage change or the flush (no timer).
 * @example const t = heldThrottle(send); t.offer(0, 2, r1, false, true); t.offer(0, 2, r2, false, true); t.flush() // r1 sent (first report), r2 at the flush
 */
export function heldThrottle<R>(send: (report: R) => void, now: () => number = () => performance.now()): HeldThrottle<R> {
  const clock = modelClock(now);
  const held = new Map<number, Map<number, R>>();
  const release = (model: number): void => {
    const folds = held.get(model);
    held.delete(model);
    folds?.forEach((report) => send(report));
  };
  return {
    offer(model, fold, report, edge, trace) {
      const key = trace ? fold : PLAIN;
      if (!clock.due(model, edge)) {
        const folds = held.get(model) ?? new Map<number, R>();
        held.set(model, folds.set(key, report));
        return;
      }
      held.get(model)?.delete(key);
      release(model);
      send(report);
    },
    flush: (model) => (model === undefined ? [...held.keys()] : [model]).forEach(release),
  };
}
