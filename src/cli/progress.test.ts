import { describe, expect, it } from 'vitest';
import { Progress } from './progress';
import type { RunProgress } from '../lib/evaluate/run-forecasts';

/** A stderr stand-in that keeps what is written. */
function stream(isTTY: boolean): NodeJS.WriteStream & { text: string } {
  const s = { text: '', isTTY, columns: 100, write: (chunk: string) => ((s.text += chunk), true) };
  return s as unknown as NodeJS.WriteStream & { text: string };
}

describe('Progress.note', () => {
  it('escapes a file name that carries a terminal escape (a warning quoting it cannot recolour or clear the screen)', () => {
    const out = stream(false);
    new Progress(out).note("warning: 3 duplicate rows in file 'x\x1b[41mEVIL\u202e.arrow'");
    expect(out.text).toBe("warning: 3 duplicate rows in file 'x\\x1b[41mEVIL\\u202e.arrow'\n");
  });

  it('prints nothing when quiet', () => {
    const out = stream(true);
    new Progress(out, true).note('anything');
    expect(out.text).toBe('');
  });
});

describe('Progress.update in a log', () => {
  it('prints each stage’s start and end once when stages interleave (models of a run spread over threads)', () => {
    const out = stream(false);
    const progress = new Progress(out);
    // Two models' folds and fit steps arrive interleaved, well within 10 s.
    progress.update('glm (1/2)', 0, 4);
    progress.update('gru (2/2)', 0, 4, 'epoch 1/6 loss 1.2');
    progress.update('glm (1/2)', 1, 4, 'iteration 3/25 loss 1.1');
    progress.update('gru (2/2)', 1, 4);
    progress.update('glm (1/2)', 4, 4);
    progress.update('gru (2/2)', 3, 4);
    progress.update('gru (2/2)', 4, 4);
    progress.update('glm (1/2)', 4, 4); // a repeat of the end: nothing more
    const lines = out.text.split('\n').filter(Boolean);
    expect(lines.map((l) => l.replace(/ in \d+\.\d s$/, ' in … s'))).toEqual([
      'glm (1/2): 0%',
      'gru (2/2): 0% epoch 1/6 loss 1.2',
      'glm (1/2): 100% in … s',
      'gru (2/2): 100% in … s',
    ]);
  });

  it('starts a stage afresh when it reports again after its end (a second run in one command)', () => {
    const out = stream(false);
    const progress = new Progress(out);
    progress.update('naive (1/1)', 2, 2);
    progress.update('naive (1/1)', 0, 2);
    progress.update('naive (1/1)', 2, 2);
    expect(out.text.split('\n').filter(Boolean).length).toBe(3);
  });
});

describe('Progress.run (a backtest’s reports)', () => {
  /** A report of the GLM's fold `fold` of 4 with `foldsDone` folds done, as a run spread over two lanes sends it. */
  const report = (fold: number, foldsDone: number, fit?: RunProgress['fit']): RunProgress => ({
    model: 'poisson-glm',
    modelIndex: 0,
    models: 1,
    names: ['poisson-glm'],
    fold,
    folds: 4,
    foldsDone,
    fraction: foldsDone / 4,
    ...(fit && { fit }),
  });

  it('moves the bar by the folds done, never back, when two lanes’ folds interleave', () => {
    const out = stream(true);
    const progress = new Progress(out);
    // The main thread fits fold 0 while the thread runs folds 1, 2 and 3; fold 0's last Newton step comes after them.
    progress.run(report(0, 0));
    progress.run(report(1, 0));
    progress.run(report(2, 1));
    progress.run(report(3, 2));
    progress.run(report(0, 3, { stage: 'iteration', step: 5, steps: 25, loss: 1.1, elapsedMs: 0 }));
    progress.run(report(4, 4));
    const percents = [...out.text.matchAll(/ +(\d+)% /g)].map((m) => Number(m[1]));
    // By `fold` the bar read 0, 25, 50, 75, 0, 100.
    expect(percents).toEqual([0, 25, 50, 75, 100]);
    expect(out.text).toContain(' 75% iteration 5/25 loss 1.100');
  });

  it('leaves the loss out when asked, and counts `fold` in a run in one piece (no foldsDone)', () => {
    const out = stream(false);
    new Progress(out).run({ ...report(2, 0, { stage: 'epoch', step: 1, steps: 6, loss: 2, elapsedMs: 0 }), foldsDone: undefined }, false);
    expect(out.text).toBe('poisson-glm (1/1): 50%\n');
  });
});
