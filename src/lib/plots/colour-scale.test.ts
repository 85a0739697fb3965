import { describe, expect, it } from 'vitest';
import { divergingScale, sequentialScale, ZERO_FILL } from './colour-scale';

describe('sequentialScale', () => {
  it('gives the same colour for a value asked again, also past the 4,096 values it remembers', () => {
    const scale = sequentialScale(100);
    const values = Array.from({ length: 5000 }, (_, i) => i / 50);
    const first = values.map(scale.colour);
    expect(values.map(scale.colour)).toEqual(first);
    expect(first[2500]).toBe(sequentialScale(100).colour(50));
    expect(first[0]).toBe(ZERO_FILL);
    expect(first[4999]).toBe('#440154'); // 99.98 of 100: the darkest end once rounded to 8-bit channels
  });

  it('sequentialScale(100) paints 0 grey, NaN white, and places ticks on a square-root scale without crowding its top', () => {
    const scale = sequentialScale(100);
    expect(scale.colour(0)).toBe(ZERO_FILL);
    expect(scale.colour(Number.NaN)).toBe('#ffffff');
    expect(scale.colour(100)).toBe('#440154'); // viridis(0): the darkest end for the most
    expect(scale.colour(1e9)).toBe(scale.colour(100)); // clamped
    expect(scale.ticks.map((t) => [t.label, +t.position.toFixed(4)])).toEqual([
      ['0', 0],
      ['20', 0.4472],
      ['40', 0.6325],
      ['60', 0.7746],
      ['100', 1], // 80 (at 0.894) would sit within 0.12 of 100
    ]);
  });

  it('sequentialScale(0) falls back to a domain of [0, 1] instead of dividing by zero', () => {
    expect(sequentialScale(0).ticks.at(-1)).toEqual({ position: 1, label: '1' });
  });
});

describe('divergingScale', () => {
  it('divergingScale(4) is symmetric about a light 0 and labels its two ends', () => {
    const scale = divergingScale(4);
    expect(scale.colour(0)).toBe('rgb(243, 238, 234)');
    expect(scale.colour(-4)).toBe('rgb(45, 0, 75)');
    expect(scale.colour(4)).toBe('rgb(127, 59, 8)');
    expect(scale.ticks.map((t) => [t.label, t.position])).toEqual([
      ['−4', 0],
      ['−2', 0.25],
      ['0', 0.5],
      ['2', 0.75],
      ['4', 1],
    ]);
    expect(scale.ends).toEqual(['forecast below actual', 'forecast above actual']);
  });
});
