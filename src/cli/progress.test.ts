import { describe, expect, it } from 'vitest';
import { Progress } from './progress';

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
