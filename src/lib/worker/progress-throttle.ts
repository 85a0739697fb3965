import { isCurvePoint, modelClock } from '../evaluate/model-clock';
import type { Progress } from './protocol';

/**
 * Passes stage changes, each model's first report and last fold, and every point of a short loss
 * curve (`isCurvePoint`) at once; other run progress at most every `PROGRESS_INTERVAL_MS` per
 * model (`modelClock`): in a run spread over helper workers the reports of different models
 * interleave, and a long EM trace would otherwise go out message by message (the page copies a
 * fold's curve at each).
 * @example const throttled = progressThrottle(send); throttled(progress) // sent, or dropped as too soon
 */
export function progressThrottle(send: (progress: Progress) => void, now: () => number = () => performance.now()): (progress: Progress) => void {
  const clock = modelClock(now);
  return (progress) => {
    if (progress.stage === 'forecast') {
      const { run } = progress;
      if (!clock.due(run.modelIndex, run.fold === run.folds || isCurvePoint(run.fit))) return;
    }
    send(progress);
  };
}
