import { describe, expect, it } from 'vitest';
import type { FitProgress } from '../forecast/forecaster';
import { foldProgressThrottle } from './fold-progress-throttle';

const em = (step: number): FitProgress => ({ stage: 'em', step, steps: 500, loss: 1, elapsedMs: 0 });

describe('foldProgressThrottle', () => {
  it('samples a long trace per model: the first report, then one per 50 ms of each model’s own clock', () => {
    let t = 0;
    const sent: [number, number, number][] = [];
    const send = foldProgressThrottle(
      (model, fold, fit) => sent.push([model, fold, fit!.step!]),
      () => t,
    );
    // Two models' 500-step EM traces interleave in one thread, a step each per 10 ms, for 200 ms.
    for (let step = 0; step < 20; step++, t += 10) {
      send(0, 3, em(step));
      send(1, 4, em(step));
    }
    // Steps 0, 5, 10, 15 of each (t = 0, 50, 100, 150), 8 of 40.
    expect(sent.filter(([m]) => m === 0).map(([, , s]) => s)).toEqual([0, 5, 10, 15]);
    expect(sent.filter(([m]) => m === 1).map(([, , s]) => s)).toEqual([0, 5, 10, 15]);
  });

  it('passes every new fold and every point of a short loss curve at once', () => {
    const t = 0; // no time passes: only edges go through
    const sent: string[] = [];
    const send = foldProgressThrottle(
      (model, fold, fit) => sent.push(`${model}:${fold}:${fit?.stage ?? '-'}${fit?.step ?? ''}`),
      () => t,
    );
    send(0, 0);
    send(0, 0, em(1)); // a long trace's step in the same fold, no time passed: held back
    send(0, 1); // a new fold: fold 0's held-back step goes out first
    for (let step = 1; step <= 3; step++) send(0, 1, { stage: 'epoch', step, steps: 6, loss: 2 / step, elapsedMs: 0 }); // a 6-epoch curve: every point
    send(0, 1, { stage: 'epoch', step: 4, steps: 6, elapsedMs: 0 }); // no loss: not a point of the curve, held back
    send(1, 0, em(1)); // another model's first report
    expect(sent).toEqual(['0:0:-', '0:0:em1', '0:1:-', '0:1:epoch1', '0:1:epoch2', '0:1:epoch3', '1:0:em1']);
  });

  it('sends the held-back last step of a long trace at the task’s end (flush), once, and before the model’s next fold', () => {
    let t = 0;
    const sent: string[] = [];
    const send = foldProgressThrottle(
      (model, fold, fit) => sent.push(`${model}:${fold}:${fit?.step ?? '-'}`),
      () => t,
    );
    // Fold 2's EM trace ends at step 7, 10 ms a step: steps 0 and 5 go out (t = 0, 50), 6 and 7 are held back.
    for (let step = 0; step <= 7; step++, t += 10) send(0, 2, em(step));
    expect(sent).toEqual(['0:2:0', '0:2:5']);
    // The next fold's first report: fold 2's last step goes out first.
    send(0, 3, em(0));
    for (let step = 1; step <= 3; step++, t += 10) send(0, 3, em(step));
    send(1, 0, em(0));
    expect(sent).toEqual(['0:2:0', '0:2:5', '0:2:7', '0:3:0', '1:0:0']);
    // The task ends: model 0's held step 3 goes out; model 1 held nothing.
    send.flush();
    send.flush();
    expect(sent).toEqual(['0:2:0', '0:2:5', '0:2:7', '0:3:0', '1:0:0', '0:3:3']);
  });
});
