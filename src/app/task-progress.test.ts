import { describe, expect, it } from 'vitest';
import { progressLine } from './task-progress';

describe('progressLine', () => {
  it('shows bytes read of the size, rows and seconds while a file opens', () => {
    expect(progressLine({ stage: 'open', label: 'x', bytes: 12_400_000, size: 75_765_330, rows: 524_288, startedAt: 1000 }, 4200)).toBe(
      '12 MB of 76 MB · 524,288 rows · 3.2 s',
    );
  });

  it('leaves out rows before the first batch, and bytes when the share done is unknown (decoding, binning)', () => {
    expect(progressLine({ stage: 'open', label: 'x', bytes: 0, size: 2_900_000, rows: 0, startedAt: 0 }, 50)).toBe('0 kB of 3 MB · 0.1 s');
    expect(progressLine({ stage: 'load', label: 'x', rows: 3_000_000, startedAt: 0 }, 1234)).toBe('3,000,000 rows · 1.2 s');
    expect(progressLine({ stage: 'bin', label: 'x', startedAt: 10 }, 5)).toBe('0.0 s');
  });
});
