import { describe, expect, it } from 'vitest';
import type { RunProgress } from '../evaluate/run-forecasts';
import { progressThrottle } from './progress-throttle';
import type { Progress } from './protocol';

/** A run report of model `m`, fold `fold` of 10, with an EM step of a 500-step trace. */
const report = (m: number, fold: number, step?: number): Progress => {
  const run: RunProgress = {
    model: `m${m}`,
    modelIndex: m,
    models: 2,
    names: ['m0', 'm1'],
    fold,
    folds: 10,
    fraction: 0,
    ...(step !== undefined && { fit: { stage: 'em', step, steps: 500, loss: 1, elapsedMs: 0 } }),
  };
  return { stage: 'forecast', run };
};

describe('progressThrottle', () => {
  it('keeps a clock per model: interleaved reports of two models (a spread run) are sampled, not all sent', () => {
    let t = 0;
    const sent: Progress[] = [];
    const throttled = progressThrottle(
      (p) => sent.push(p),
      () => t,
    );
    // Two models' long EM traces interleave, one report each per 10 ms, for 200 ms.
    for (let step = 0; step < 20; step++, t += 10) {
      throttled(report(0, 3, step));
      throttled(report(1, 4, step));
    }
    // Each model: its first report, then one per 50 ms (t = 50, 100, 150): 4 each, where one shared clock sent all 40.
    const steps = (m: number): number[] => sent.flatMap((p) => (p.stage === 'forecast' && p.run.modelIndex === m ? [p.run.fit!.step!] : []));
    expect(steps(0)).toEqual([0, 5, 10, 15]);
    expect(steps(1)).toEqual([0, 5, 10, 15]);
  });

  it('always sends a model’s last fold, every point of a short curve, and stages', () => {
    const sent: Progress[] = [];
    const throttled = progressThrottle(
      (p) => sent.push(p),
      () => 0, // no time passes
    );
    throttled(report(0, 0));
    throttled(report(0, 1)); // too soon: dropped
    throttled({
      stage: 'forecast',
      run: { ...(report(0, 2) as { run: RunProgress }).run, fit: { stage: 'newton', step: 1, steps: 8, loss: 2, elapsedMs: 0 } },
    });
    throttled(report(0, 10));
    throttled({ stage: 'score', message: 'Scoring' });
    expect(sent.map((p) => (p.stage === 'forecast' ? p.run.fold : p.stage))).toEqual([0, 2, 10, 'score']);
  });
});
