import { describe, expect, it } from 'vitest';
import { locateRows } from './decode-location';
import { DROP_CODE } from './drop-codes';
import { outlierRule } from './location-outliers';
import { timeOutlierRule } from './time-outliers';

// The counts a load's earlier passes hand to the outlier rules (`DecodedTime.timed`, `DecodedLocation.usable`), so each rule skips its own counting pass.
describe('rules fitted on counts taken by the passes before them', () => {
  it('locateRows counts the rows it leaves a latitude, and outlierRule fitted with that count equals outlierRule counting them itself', () => {
    const n = 40;
    const lat = Float64Array.from({ length: n }, (_, i) => (i % 7 === 0 ? NaN : i % 11 === 0 ? 0 : 41.8 + i / 1000));
    const lng = Float64Array.from({ length: n }, (_, i) => (i % 11 === 0 ? 0 : i === 5 ? 400 : -87.6 - i / 1000));
    const reasons = new Uint8Array(n);
    const { usable } = locateRows({ kind: 'latlng', lat: 'lat', lng: 'lng' }, lat, lng, reasons);
    const counted = lat.filter((v) => v === v).length;
    expect(usable).toBe(counted);
    expect(counted).toBe(n - 6 - 3 - 1); // 6 NaN (rows 0, 7, …, 35), 3 at 0/0 (11, 22, 33), row 5 out of range
    expect(outlierRule(lat, lng, usable)).toEqual(outlierRule(lat, lng));
  });

  it('timeOutlierRule given the kept rows counted equals the rule counting them itself, and counts are what fit it', () => {
    const t0 = Date.UTC(2018, 0, 1);
    const time = Float64Array.from({ length: 30 }, (_, i) => t0 + i * 86_400_000);
    const reasons = Uint8Array.from({ length: 30 }, (_, i) => (i % 4 === 0 ? DROP_CODE['time-null'] : 0));
    const kept = reasons.filter((r) => r === 0).length;
    expect(timeOutlierRule(time, reasons, kept)).toEqual(timeOutlierRule(time, reasons));
    expect(timeOutlierRule(time, reasons, kept)?.points).toBe(22);
  });
});
