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

/** A throttle on a scripted clock (`clock.t`, ms) and what it sent. */
const scripted = () => {
  const clock = { t: 0 };
  const sent: Progress[] = [];
  const throttled = progressThrottle(
    (p) => sent.push(p),
    () => clock.t,
  );
  return { clock, sent, throttled };
};

describe('progressThrottle', () => {
  it('keeps a clock per model: interleaved reports of two models (a spread run) are sampled, not all sent', () => {
    const { clock, sent, throttled } = scripted();
    // Two models' long EM traces interleave, one report each per 10 ms, for 200 ms.
    for (let step = 0; step < 20; step++, clock.t += 10) {
      throttled(report(0, 3, step));
      throttled(report(1, 4, step));
    }
    // Each model: its first report, then one per 50 ms (t = 50, 100, 150): 4 each, where one shared clock sent all 40.
    const steps = (m: number): number[] => sent.flatMap((p) => (p.stage === 'forecast' && p.run.modelIndex === m ? [p.run.fit!.step!] : []));
    expect(steps(0)).toEqual([0, 5, 10, 15]);
    expect(steps(1)).toEqual([0, 5, 10, 15]);
  });

  it('always sends a model’s last fold, every point of a short curve, and stages; a report held back goes out before the next one sent', () => {
    const { sent, throttled } = scripted(); // no time passes: only edges are due
    throttled(report(0, 0));
    throttled(report(0, 1)); // too soon: held back
    throttled({
      stage: 'forecast',
      run: { ...(report(0, 2) as { run: RunProgress }).run, fit: { stage: 'newton', step: 1, steps: 8, loss: 2, elapsedMs: 0 } },
    });
    throttled(report(0, 10));
    throttled({ stage: 'score', message: 'Scoring' });
    expect(sent.map((p) => (p.stage === 'forecast' ? p.run.fold : p.stage))).toEqual([0, 1, 2, 10, 'score']); // fold 1's report before fold 2's curve point
  });

  /** What was sent, as 'model/fold:step' of each forecast report (step '-' without a fit) and the stage of others. */
  const shown = (sent: Progress[]): string[] =>
    sent.map((p) => (p.stage === 'forecast' ? `${p.run.modelIndex}/${p.run.fold}:${p.run.fit?.step ?? '-'}` : p.stage));

  it('a fold’s last step inside the interval goes out before the model’s next fold (it was lost)', () => {
    const { clock, sent, throttled } = scripted();
    // Fold 0's EM trace ends at step 7, a step per 10 ms: steps 0 and 5 go out (t = 0, 50); 6 and 7 are held back.
    for (let step = 0; step <= 7; step++, clock.t += 10) throttled(report(0, 0, step));
    expect(shown(sent)).toEqual(['0/0:0', '0/0:5']);
    clock.t = 100; // fold 1's first step, due: fold 0's last step goes out first
    throttled(report(0, 1, 0));
    expect(shown(sent)).toEqual(['0/0:0', '0/0:5', '0/0:7', '0/1:0']);
  });

  it('a model’s held-back steps of each fold go out before its last fold (done), stage changes and at flush(), once', () => {
    const { sent, throttled } = scripted(); // no time passes: only edges are due
    for (let step = 0; step <= 3; step++) throttled(report(0, 0, step)); // step 0 sent (first report), 3 held
    for (let step = 0; step <= 2; step++) throttled(report(0, 1, step)); // held: step 2 of fold 1
    throttled(report(1, 5, 0)); // model 1's first report
    throttled(report(1, 5, 1)); // held
    throttled(report(0, 10)); // model 0 done: its folds' last steps first
    expect(shown(sent)).toEqual(['0/0:0', '1/5:0', '0/0:3', '0/1:2', '0/10:-']);
    throttled({ stage: 'score', message: 'Scoring' }); // model 1's held step before the stage change
    throttled(report(1, 6, 0)); // held (model 1's clock has not moved)
    throttled.flush();
    throttled.flush();
    expect(shown(sent).slice(5)).toEqual(['1/5:1', 'score', '1/6:0']);
  });

  it('in a spread run a report sent late carries the run’s latest fraction and its model’s latest folds done: the bars never go back', () => {
    const { clock, sent, throttled } = scripted();
    const spread = (fold: number, step: number, fraction: number, foldsDone: number): Progress => {
      const { run } = report(0, fold, step) as { run: RunProgress };
      return { stage: 'forecast', run: { ...run, fraction, foldsDone } };
    };
    // Two helpers run folds 2 and 7 of model 0 at once; their steps interleave, 10 ms apart.
    throttled(spread(2, 0, 0.1, 0)); // t = 0: sent (first report)
    clock.t = 10;
    throttled(spread(7, 0, 0.2, 0)); // held
    clock.t = 20;
    throttled(spread(2, 1, 0.3, 1)); // held (fold 1 finished elsewhere: 1 fold done)
    clock.t = 60;
    throttled(spread(2, 2, 0.4, 1)); // due: fold 7's held step goes out first, stamped 0.4 and 1 fold done
    const runs = sent.map((p) => (p.stage === 'forecast' ? [p.run.fold, p.run.fit!.step, p.run.fraction, p.run.foldsDone] : []));
    expect(runs).toEqual([
      [2, 0, 0.1, 0],
      [7, 0, 0.4, 1],
      [2, 2, 0.4, 1],
    ]);
  });

  it('starts the bar again for the next backtest of one request (a claim check runs several): the latest fraction, not the largest', () => {
    const { clock, sent, throttled } = scripted();
    const at = (fold: number, fraction: number, foldsDone: number): Progress => {
      const { run } = report(0, fold, 0) as { run: RunProgress };
      return { stage: 'forecast', run: { ...run, fraction, foldsDone } };
    };
    throttled(at(0, 0.1, 0)); // the first backtest: sent
    clock.t = 100;
    throttled(at(10, 1, 10)); // its last fold: sent
    clock.t = 200;
    throttled(at(0, 0.05, 0)); // the second backtest's first report
    clock.t = 210;
    throttled(at(1, 0.1, 1)); // held
    throttled.flush();
    const runs = sent.map((p) => (p.stage === 'forecast' ? [p.run.fold, p.run.fraction, p.run.foldsDone] : []));
    expect(runs).toEqual([
      [0, 0.1, 0],
      [10, 1, 10],
      [0, 0.05, 0],
      [1, 0.1, 1],
    ]);
  });
});
