import { describe, expect, test } from 'vitest';
import { random } from '../../base/random';
import { areaOrder, tieOrderBy } from './area-order';

/** The plain comparison sort of the region cells by area, then tie key (NaN last, all NaN equal), then index. */
function plainTieOrder(area: ArrayLike<number>, region: ArrayLike<number>, key?: ArrayLike<number>): number[] {
  const cells = Array.from({ length: area.length }, (_, i) => i).filter((i) => region[i] === 1);
  const byKey = (i: number, j: number): number => {
    if (!key) return 0;
    const [x, y] = [key[i], key[j]];
    if (Number.isNaN(x) || Number.isNaN(y)) return Number(Number.isNaN(x)) - Number(Number.isNaN(y));
    return x - y;
  };
  return cells.sort((i, j) => area[i] - area[j] || byKey(i, j) || i - j);
}

describe('areaOrder(area, region) and tieOrderBy(byArea, tieKey)', () => {
  test('areaOrder([2, 1, 1, 3], [1, 1, 1, 0]): cells 1 and 2 (area 1, by index) then 0; runs start at 0 and 2', () => {
    const byArea = areaOrder([2, 1, 1, 3], [1, 1, 1, 0]);
    expect(Array.from(byArea.order)).toEqual([1, 2, 0]);
    expect(Array.from(byArea.runs)).toEqual([0, 2, 3]);
    // Within the run of area 1, tie key 5 (cell 1) comes after 3 (cell 2).
    expect(Array.from(tieOrderBy(areaOrder([2, 1, 1, 1], [1, 1, 1, 0]), [0, 5, 3, 0]))).toEqual([2, 1, 0]);
  });

  test.each([1, 2, 3, 4, 5, 6, 7, 8])('seed %d: the order of the plain comparison sort (area, tie key, index), with tied areas, tied and NaN keys', (seed) => {
    const rng = random(seed);
    const n = [0, 1, 5, 40, 300, 1000, 5216, 5216][seed - 1];
    // Seeds 1–6 draw areas from three values (long runs), 7–8 H3-like areas (runs of one).
    const area = Float64Array.from({ length: n }, () => (seed <= 6 ? [1, 2, 1.5][rng.int(3)] : 1.7e5 + rng.normal() * 4e3));
    const region = Uint8Array.from({ length: n }, () => (rng.next() < 0.85 ? 1 : 0));
    const key = Float32Array.from({ length: n }, () => (rng.int(20) === 0 ? NaN : rng.int(4)));
    const byArea = areaOrder(area, region);
    expect(Array.from(tieOrderBy(byArea, key))).toEqual(plainTieOrder(area, region, key));
    expect(Array.from(byArea.order)).toEqual(plainTieOrder(area, region));
  });

  test('refuses a region cell without a positive finite area, and arrays of other lengths', () => {
    expect(() => areaOrder([1, 0], [1, 1])).toThrow('area[1] is 0');
    expect(() => areaOrder([1, 1], [1])).toThrow('one value per cell');
  });
});
