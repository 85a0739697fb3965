import { describe, expect, it } from 'vitest';
import { exposureMarkdown } from './exposure-markdown';
import { exposureOfRun } from './exposure-of-run';
import { toyAreas, toyInput } from './test-world';

const cells = ['c0', 'c1', 'c2', 'c3'];

describe('exposureMarkdown', () => {
  const areas = toyAreas(cells, { A: [90, 10, 0, 50], 'B|<img src=x>': [10, 90, 100, 50] });
  const lines = exposureMarkdown(exposureOfRun(toyInput(cells, [[2, 0, 4, 2]], { m: [[5, 3, 1, 0]] }, areas, [0.25]))).map(String);

  it('prints the population table, then per coverage every selection with shares and ratios (hand-computed in exposure-of-run.test.ts)', () => {
    expect(lines[0]).toBe('## Who gets flagged');
    expect(lines).toContain('| A | 150 | 37.5 % | 35 % |');
    expect(lines).toContain('### Flags on 25 % of the area');
    expect(lines).toContain('| m | 90 % (×2.40) | 10 % (×0.160) | 100 % | 0.750 | 1 |');
    // One period, one of four cells flagged: any selection has Gini (2·4·1)/(4·1) − 5/4 = 0.75; random's expected distinct cells 4·(1 − 0.75) = 1.
    expect(lines).toContain('| random selection | 37.5 % (×1.00) | 62.5 % (×1.00) | 100 % | 0.750 | 1.00 (expected) |');
  });

  it('escapes group names from the file and ends with the caveat and its four sources', () => {
    expect(lines.join('\n')).toContain('B\\|\\<img src=x\\>');
    expect(lines.join('\n')).not.toMatch(/[^\\]<img/);
    expect(lines.find((l) => l.startsWith('**What these numbers'))).toContain('exposure to a flag is not harm');
    expect(lines.filter((l) => l.startsWith('- '))).toHaveLength(4);
  });

  it('prints NaN read back from JSON (null) as – , never as a number', () => {
    const empty = toyAreas(cells, { A: [0, 0, 10, 0], B: [0, 0, 30, 0] });
    const exposure = JSON.parse(JSON.stringify(exposureOfRun(toyInput(cells, [[4, 0, 0, 0]], { m: [[5, 0, 0, 0]] }, empty, [0.25]))));
    const text = exposureMarkdown(exposure).map(String).join('\n');
    expect(text).toContain('| m | – (×–) | – (×–) |');
    expect(text).not.toContain('∞');
  });
});
