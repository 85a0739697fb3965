import { describe, expect, it } from 'vitest';
import { distanceFrom, outlierRule } from './location-outliers';

describe('distanceFrom', () => {
  it.each([
    [{ centerLat: 0, centerLng: 0 }, 1, 0, (6371.0088 * Math.PI) / 180], // one degree of a great circle
    [{ centerLat: 60, centerLng: 0 }, 60, 1, (6371.0088 * Math.PI) / 180 / 2], // cos 60° = ½
    [{ centerLat: 0, centerLng: 179.5 }, 0, -179.5, (6371.0088 * Math.PI) / 180], // wraps across ±180°
  ])('distanceFrom(%j)(%d, %d) → %d km', (center, lat, lng, km) => {
    expect(distanceFrom(center)(lat, lng)).toBeCloseTo(km, 9);
  });
});

describe('outlierRule', () => {
  /** n points on a line east of (41.8, −87.7), 1 km apart, then the extra points. */
  function points(n: number, extra: [number, number][] = []) {
    const kmPerDegreeLng = distanceFrom({ centerLat: 41.8, centerLng: 0 })(41.8, 1);
    const all: [number, number][] = Array.from({ length: n }, (_, i) => [41.8, -87.7 + i / kmPerDegreeLng]);
    all.push(...extra);
    return { lat: Float64Array.from(all, (p) => p[0]), lng: Float64Array.from(all, (p) => p[1]) };
  }

  it('outlierRule: 101 points 1 km apart have their middle as centre, q99 = 50 km, threshold 4 × 50 = 200 km', () => {
    const { lat, lng } = points(101);
    const rule = outlierRule(lat, lng);
    expect(rule?.centerLat).toBe(41.8);
    expect(rule?.centerLng).toBeCloseTo(lng[50], 12);
    // Distances from point 50 sorted: 0, 1, 1, 2, 2, …, 50, 50 km (k km at indices 2k − 1 and 2k);
    // index ⌊0.99 × 100⌋ = 99 = 2 × 50 − 1 holds 50 km.
    expect(rule?.q99Km).toBeCloseTo(50, 6);
    expect(rule?.thresholdKm).toBeCloseTo(200, 5);
    expect(rule?.points).toBe(101);
  });

  it('outlierRule never goes below the 50 km floor', () => {
    const { lat, lng } = points(11); // q99 = 5 km; 4 × 5 = 20 km < 50 km
    expect(outlierRule(lat, lng)?.thresholdKm).toBe(50);
  });

  it('outlierRule ignores NaN (dropped) points and an outlier does not move the centre', () => {
    const { lat, lng } = points(21, [
      [NaN, NaN],
      [36.62, -91.69],
    ]);
    const rule = outlierRule(lat, lng);
    expect(rule?.points).toBe(22);
    expect(rule?.centerLat).toBe(41.8);
    expect(distanceFrom(rule!)(36.62, -91.69)).toBeGreaterThan(rule!.thresholdKm);
  });

  it('outlierRule flags nothing below 10 usable points', () => {
    const { lat, lng } = points(9, [[NaN, NaN]]);
    expect(outlierRule(lat, lng)).toBeNull();
  });

  it('outlierRule samples every k-th point above 262,144 points and still finds the centre', () => {
    const n = 600_001;
    const lat = new Float64Array(n).fill(41.8);
    const lng = Float64Array.from({ length: n }, (_, i) => -87.7 + (i % 1000) * 1e-4);
    const rule = outlierRule(lat, lng);
    expect(rule?.points).toBe(n);
    expect(rule?.centerLng).toBeCloseTo(-87.7 + 500e-4, 3);
  });

  it('outlierRule samples exactly the usable rows 0, k, 2k, … (k = 3 for 600,001 points): the other rows never count', () => {
    const n = 600_002; // row 1 has no location: 600,001 usable, k = ⌈600,001 / 262,144⌉ = 3
    const lat = new Float64Array(n).fill(41.8);
    lat[1] = NaN;
    // Usable row u (u-th usable) sits at index u < 1 ? 0 : u + 1; the sampled ones (u % 3 === 0) lie near −87.7, every other one at −87.
    const lng = new Float64Array(n).fill(-87);
    for (let u = 0; u < n - 1; u += 3) lng[u < 1 ? 0 : u + 1] = -87.7 + u * 1e-7;
    const rule = outlierRule(lat, lng);
    expect(rule?.points).toBe(600_001);
    // 200,001 sampled values; the middle one (index 100,000) is u = 300,000.
    expect(rule?.centerLng).toBe(-87.7 + 300_000 * 1e-7);
    expect(rule?.centerLat).toBe(41.8);
  });
});
