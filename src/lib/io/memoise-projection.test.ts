import { describe, expect, it } from 'vitest';
import { memoiseProjection } from './memoise-projection';

describe('memoiseProjection', () => {
  it('memoiseProjection projects each distinct point once and returns the same answers as the projection', () => {
    let calls = 0;
    const project = memoiseProjection(([x, y]) => {
      calls++;
      return [x * 2, y - 1];
    });
    expect([...project(1, 2)]).toEqual([2, 1]);
    expect([...project(1, 2)]).toEqual([2, 1]);
    expect([...project(2, 1)]).toEqual([4, 0]);
    expect([...project(-0, 2)]).toEqual([-0, 1]); // −0 and 0 differ in their bits: a separate entry
    expect([...project(0, 2)]).toEqual([0, 1]);
    expect(calls).toBe(4);
  });

  it('memoiseProjection stays exact while its table grows past 100,000 distinct points', () => {
    let calls = 0;
    const project = memoiseProjection(([x, y]) => {
      calls++;
      return [x + y, x - y];
    });
    let wrong = 0;
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 100_000; i++) {
        const [a, b] = project(i * 0.5, 7_600_000 + i);
        if (a !== i * 0.5 + 7_600_000 + i || b !== i * 0.5 - (7_600_000 + i)) wrong++;
      }
    }
    expect(wrong).toBe(0);
    expect(calls).toBe(100_000);
  });
});
