import { heldThrottle, isCurvePoint } from '../evaluate/model-clock';
import type { Progress } from './protocol';

/** A throttled progress callback and the flush of the reports it held back. */
export type ThrottledProgress = ((progress: Progress) => void) & {
  /** Sends every report held back, once; call when the request ends. */
  flush(): void;
};

type ForecastProgress = Extract<Progress, { stage: 'forecast' }>;

/**
 * Passes stage changes, each model's first report and last fold, and every point of a short loss
 * curve (`isCurvePoint`) at once; other run progress at most every `PROGRESS_INTERVAL_MS` per
 * model: in a run spread over helper workers the reports of different models interleave, and a
 * long EM trace would otherwise go out message by message (the page copies a fold's curve at
 * each). As the CLI's fold threads (`heldThrottle`), a report it does not send is held back (a
 * trace step as the latest of its model and fold, a plain report as its model's latest) and goes
 * out before the model's next report sent, before its last fold (the model done), before a stage
 * change and at `flush()` — so a fold's last trace step reaches the page, and no bar ends below its
 * last real value. A report sent late carries the latest `fraction` and its model's latest
 * `foldsDone`, so neither goes back on the page within a run, and the next backtest of a request
 * (a claim check runs several) starts its bar from its own first report.
 * @example const throttled = progressThrottle(send); throttled(progress) // sent, or held back until due; throttled.flush()
 */
export function progressThrottle(send: (progress: Progress) => void, now: () => number = () => performance.now()): ThrottledProgress {
  let fraction = 0;
  const foldsDone = new Map<number, number>();
  const current = ({ run }: ForecastProgress): ForecastProgress => ({
    stage: 'forecast',
    run: { ...run, fraction, ...(run.foldsDone !== undefined && { foldsDone: foldsDone.get(run.modelIndex) }) },
  });
  const throttle = heldThrottle<ForecastProgress>((progress) => send(current(progress)), now);
  const throttled = (progress: Progress): void => {
    if (progress.stage !== 'forecast') {
      throttle.flush();
      send(progress);
      return;
    }
    const { run } = progress;
    // The latest, not the largest: a run's reports already never go back (`runForecasts`, `spreadProgress`), and a
    // request that runs several backtests (a claim check) starts each from 0, which a running max would hide at 100 %.
    fraction = run.fraction;
    if (run.foldsDone !== undefined) foldsDone.set(run.modelIndex, run.foldsDone);
    throttle.offer(run.modelIndex, run.fold, progress, run.fold === run.folds || isCurvePoint(run.fit), run.fit !== undefined);
  };
  return Object.assign(throttled, { flush: () => throttle.flush() });
}

/**
 * Runs `work` with a throttled progress callback (`progressThrottle` over `send`), then sends what
 * the throttle held back, so the last reports reach the page before the result does.
 * @example const result = await withThrottledProgress(send, (progress) => session.run(spec, signal, progress));
 */
export async function withThrottledProgress<T>(send: (progress: Progress) => void, work: (progress: ThrottledProgress) => Promise<T>): Promise<T> {
  const throttled = progressThrottle(send);
  const result = await work(throttled);
  throttled.flush();
  return result;
}
