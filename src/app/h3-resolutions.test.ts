import { describe, expect, it } from 'vitest';
import { edgeLengthAt, hexAreaAt } from '../lib/grid/h3';
import { formatLength, H3_RESOLUTIONS } from './h3-resolutions';

describe('H3_RESOLUTIONS', () => {
  it.each(H3_RESOLUTIONS)('resolution $res matches h3-js (edge $edge m)', ({ res, edge, area }) => {
    expect(edge).toBeCloseTo(edgeLengthAt(res), 6);
    expect(area).toBeCloseTo(hexAreaAt(res) / 1e6, 9);
  });

  it.each([
    [531.4140101, '531 m'],
    [1406.475763, '1.41 km'],
    [9854.09099, '9.85 km'],
  ])('formatLength(%d) → %s', (metres, text) => {
    expect(formatLength(metres)).toBe(text);
  });
});
