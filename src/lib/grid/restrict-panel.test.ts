import { describe, expect, it } from 'vitest';
import { CENTRE, EDGE, FAR_SIDE, tinyHistory } from '../forecast/baselines/tiny-history';
import { neighbours } from './neighbours';
import { restrictNeighbours } from './restrict-neighbours';
import { restrictPanel } from './restrict-panel';

describe('restrictPanel and restrictNeighbours', () => {
  // Cells sorted: positions looked up below. Counts per cell over 3 periods.
  const { panel, cells } = tinyHistory({ [CENTRE]: [1, 2, 3], [EDGE]: [4, 5, 6], [FAR_SIDE[0]]: [7, 8, 9] });
  const keep = Int32Array.from([CENTRE, FAR_SIDE[0]].map((cell) => cells.indexOf(cell)).sort((a, b) => a - b));

  it('keeps the chosen cells in panel order, with their areas and every period of their counts', () => {
    const sub = restrictPanel(panel, keep);
    const kept = Array.from(keep, (c) => cells[c]);
    expect(sub.cells).toEqual(kept);
    expect(Array.from(sub.area)).toEqual(Array.from(keep, (c) => panel.area[c]));
    const series = (cell: string) => ({ [CENTRE]: [1, 2, 3], [FAR_SIDE[0]]: [7, 8, 9] })[cell]!;
    expect(Array.from(sub.counts)).toEqual([0, 1, 2].flatMap((p) => kept.map((cell) => series(cell)[p])));
    expect(sub.periods).toBe(panel.periods);
  });

  it('writes the counts into a given block, over what it held, and refuses one too small', () => {
    const block = new Float32Array(10).fill(-1);
    const sub = restrictPanel(panel, keep, block);
    expect(sub.counts.buffer).toBe(block.buffer);
    expect(Array.from(sub.counts)).toEqual(Array.from(restrictPanel(panel, keep).counts));
    expect(Array.from(block.subarray(6))).toEqual([-1, -1, -1, -1]);
    expect(() => restrictPanel(panel, keep, new Float32Array(5))).toThrow(/room for 5 counts, 6 needed/);
  });

  it('restricted neighbour lists equal the lists built on the kept cells alone (CENTRE–FAR at ring 1)', () => {
    const own = neighbours(
      Array.from(keep, (c) => cells[c]),
      2,
    );
    const cut = restrictNeighbours(neighbours(cells, 2), keep);
    expect([cut.k, Array.from(cut.offsets), Array.from(cut.index), Array.from(cut.ring)]).toEqual([
      2,
      Array.from(own.offsets),
      Array.from(own.index),
      Array.from(own.ring),
    ]);
    expect(Array.from(cut.ring)).toEqual([1, 1]);
  });

  it('copies long runs of kept cells and scattered ones alike: equal to a cell-by-cell gather', () => {
    // 200 cells × 5 periods; kept: a run of 100, then every third cell (runs of 1), then a run of 40.
    const C = 200;
    const P = 5;
    const big = {
      ...panel,
      cells: Array.from({ length: C }, (_, c) => `c${c}`),
      area: Float64Array.from({ length: C }, (_, c) => 1 + c),
      periods: Float64Array.from({ length: P }, (_, p) => p),
    };
    const wide = { ...big, counts: Float32Array.from({ length: P * C }, (_, i) => (i * 7919) % 13) };
    const chosen = Int32Array.from([
      ...Array.from({ length: 100 }, (_, i) => i),
      ...Array.from({ length: 20 }, (_, i) => 101 + 3 * i),
      ...Array.from({ length: 40 }, (_, i) => 160 + i),
    ]);
    const sub = restrictPanel(wide, chosen);
    const gathered = Float32Array.from({ length: P * chosen.length }, (_, i) => wide.counts[Math.floor(i / chosen.length) * C + chosen[i % chosen.length]]);
    expect(Array.from(sub.counts)).toEqual(Array.from(gathered));
    expect(sub.cells.slice(98, 103)).toEqual(['c98', 'c99', 'c101', 'c104', 'c107']);
  });

  it('refuses indexes that are out of range or not ascending', () => {
    expect(() => restrictPanel(panel, Int32Array.of(2, 0))).toThrow('Kept cells must be ascending indexes from 0 to 2; got 0 at position 1');
    expect(() => restrictNeighbours(neighbours(cells, 1), Int32Array.of(3))).toThrow('got 3 at position 0');
  });
});
