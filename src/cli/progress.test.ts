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
