import { describe, expect, it } from 'vitest';
import { heldThrottle, isCurvePoint, modelClock, PROGRESS_INTERVAL_MS } from './model-clock';

describe('modelClock', () => {
  it('lets a model’s first report and every edge out, and the rest once per interval, per model', () => {
    let t = 0;
    const clock = modelClock(() => t);
    expect([clock.due(0, false), clock.due(1, false)]).toEqual([true, true]); // first reports
    t = PROGRESS_INTERVAL_MS - 1;
    expect([clock.due(0, false), clock.due(0, true)]).toEqual([false, true]); // too soon; an edge goes anyway
    t += PROGRESS_INTERVAL_MS - 1; // 48 ms after model 0's edge, 98 ms after model 1's first report
    expect([clock.due(0, false), clock.due(1, false)]).toEqual([false, true]);
  });
});

describe('isCurvePoint', () => {
  it('is true for a loss point of a curve of at most 100 steps only', () => {
    expect(isCurvePoint({ stage: 'newton', step: 2, steps: 8, loss: 1.3, elapsedMs: 0 })).toBe(true);
    expect(isCurvePoint({ stage: 'epoch', step: 100, steps: 100, loss: 0.9, elapsedMs: 0 })).toBe(true);
    expect(isCurvePoint({ stage: 'em', step: 7, steps: 101, loss: 1, elapsedMs: 0 })).toBe(false);
    expect(isCurvePoint({ stage: 'epoch', step: 4, steps: 6, elapsedMs: 0 })).toBe(false); // no loss
    expect(isCurvePoint({ stage: 'em', step: 4, loss: 1, elapsedMs: 0 })).toBe(false); // steps unknown
    expect(isCurvePoint(undefined)).toBe(false);
  });
});

describe('heldThrottle', () => {
  /** A throttle on a scripted clock (`clock.t`, ms) that collects what it sends. */
  function scripted<R>(): { throttle: ReturnType<typeof heldThrottle<R>>; sent: R[]; clock: { t: number } } {
    const clock = { t: 0 };
    const sent: R[] = [];
    return {
      throttle: heldThrottle<R>(
        (r) => sent.push(r),
        () => clock.t,
      ),
      sent,
      clock,
    };
  }

  it('holds the latest trace step of each model and fold; sends them before the model’s next report sent, and flush(model) sends that model’s only', () => {
    const { throttle, sent, clock } = scripted<string>();
    throttle.offer(0, 2, 'm0 fold 2 a', false, true); // first report: sent
    throttle.offer(0, 2, 'm0 fold 2 b', false, true); // held
    throttle.offer(0, 7, 'm0 fold 7 a', false, true); // held (another fold: kept beside fold 2's)
    throttle.offer(0, 2, 'm0 fold 2 c', false, true); // supersedes 'b'
    throttle.offer(1, 0, 'm1 a', false, true); // model 1's first report: sent
    throttle.offer(1, 0, 'm1 b', false, true); // held
    clock.t = PROGRESS_INTERVAL_MS;
    throttle.offer(0, 7, 'm0 fold 7 b', false, true); // due: fold 2's held report first; fold 7's own is superseded
    expect(sent).toEqual(['m0 fold 2 a', 'm1 a', 'm0 fold 2 c', 'm0 fold 7 b']);
    throttle.offer(0, 7, 'm0 fold 7 c', false, true); // held
    throttle.flush(1);
    throttle.flush(1);
    expect(sent.slice(4)).toEqual(['m1 b']);
    throttle.flush();
    expect(sent.slice(5)).toEqual(['m0 fold 7 c']);
  });

  it('keeps plain reports (no trace step) at one an interval: a held one is dropped when the next is sent, the last goes out at the flush', () => {
    // A fast run: one plain report a fold, 1 ms apart, 200 folds (the review's burst sent all of them).
    const { throttle, sent, clock } = scripted<number>();
    for (let fold = 1; fold <= 200; fold++, clock.t++) throttle.offer(0, fold, fold, false, false);
    throttle.flush();
    expect(sent).toEqual([1, 51, 101, 151, 200]);
  });
});
