import { describe, expect, it } from 'vitest';
import { flatForecast } from './flat-forecast';

describe('flatForecast', () => {
  it('flatForecast([2, 0.5], 3) repeats the level step-major', () => {
    expect(Array.from(flatForecast(Float32Array.of(2, 0.5), 3))).toEqual([2, 0.5, 2, 0.5, 2, 0.5]);
  });

  it('flatForecast returns a new array: writing to it leaves the level alone', () => {
    const level = Float32Array.of(1);
    flatForecast(level, 1)[0] = 9;
    expect(level[0]).toBe(1);
  });
});
