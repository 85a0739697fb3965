import { describe, expect, it } from 'vitest';
import { firstIncidentPeriods, modelUniverse } from './model-universe';

describe('model universe', () => {
  // 3 periods × 4 cells: cell 0 from period 0, cell 1 from period 2, cell 2 from period 1, cell 3 never.
  const panel = { cells: ['a', 'b', 'c', 'd'], periods: new Float64Array(3), counts: Float32Array.of(1, 0, 0, 0, 0, 0, 2, 0, 3, 1, 0, 0) };

  it('firstIncidentPeriods: 0, 2, 1 and P = 3 for the cell that never has one', () => {
    expect(Array.from(firstIncidentPeriods(panel))).toEqual([0, 2, 1, 3]);
  });

  it('modelUniverse: the cells seen in periods before the cutoff, plus the declared ones', () => {
    const first = firstIncidentPeriods(panel);
    expect(Array.from(modelUniverse(first, 1))).toEqual([0]);
    expect(Array.from(modelUniverse(first, 2))).toEqual([0, 2]);
    expect(Array.from(modelUniverse(first, 3))).toEqual([0, 1, 2]);
    expect(Array.from(modelUniverse(first, 1, Uint8Array.of(0, 0, 0, 1)))).toEqual([0, 3]);
    expect(() => modelUniverse(first, 1, Uint8Array.of(1))).toThrow('The declared cells mask has 1 entries; the panel has 4 cells');
  });
});
