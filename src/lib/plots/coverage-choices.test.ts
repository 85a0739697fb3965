import { describe, expect, it } from 'vitest';
import { captureZoom, middleCoverage } from './coverage-choices';

describe('coverage choices', () => {
  it('middleCoverage takes the middle level (the upper middle of an even count)', () => {
    expect(middleCoverage([0.01, 0.05, 0.1])).toBe(0.05);
    expect(middleCoverage([0.01, 0.05])).toBe(0.05);
    expect(middleCoverage([0.3])).toBe(0.3);
  });

  it('captureZoom runs to twice the largest level, between 20 % and 100 %', () => {
    expect(captureZoom([0.01, 0.05, 0.1])).toBe(0.2);
    expect(captureZoom([0.01, 0.05])).toBe(0.2);
    expect(captureZoom([0.1, 0.3])).toBe(0.6);
    expect(captureZoom([0.8])).toBe(1);
  });
});
