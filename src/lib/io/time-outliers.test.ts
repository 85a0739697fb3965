import { describe, expect, it } from 'vitest';
import { DROP_CODE } from './drop-codes';
import { TIME_OUTLIER_FLOOR_MS, timeOutlierRule } from './time-outliers';

describe('timeOutlierRule', () => {
  it('20 hourly times and one in 2099: median, q99 of |t − median| and the 730-day floor', () => {
    const hour = 3_600_000;
    const t0 = Date.UTC(2018, 0, 1);
    const time = Float64Array.from({ length: 21 }, (_, i) => (i < 20 ? t0 + i * hour : Date.UTC(2099, 0, 1)));
    const rule = timeOutlierRule(time, new Uint8Array(21));
    expect(rule?.median).toBe(t0 + 10 * hour); // 21 times: the 11th smallest
    expect(rule?.points).toBe(21);
    expect(rule?.thresholdMs).toBe(TIME_OUTLIER_FLOOR_MS);
  });

  it('samples exactly the kept rows 0, k, 2k, … (k = 3 for 600,001 kept rows): dropped and other rows never count', () => {
    const n = 600_002; // row 1 dropped: 600,001 kept, k = ⌈600,001 / 262,144⌉ = 3
    const reasons = new Uint8Array(n);
    reasons[1] = DROP_CODE['time-null'];
    const time = new Float64Array(n).fill(4e12); // every row not sampled lies far later
    for (let u = 0; u < n - 1; u += 3) time[u < 1 ? 0 : u + 1] = 1e12 + u;
    const rule = timeOutlierRule(time, reasons);
    expect(rule?.points).toBe(600_001);
    expect(rule?.median).toBe(1e12 + 300_000); // 200,001 sampled; the middle is u = 300,000
    // |t − median| of the sample: 0, 3, …, 300,000 twice over; the 99th percentile's index ⌊0.99 × 200,000⌋ = 198,000 → 3 × 99,000.
    expect(rule?.q99Ms).toBe(3 * 99_000);
  });
});
