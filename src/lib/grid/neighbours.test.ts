import { describe, expect, it } from 'vitest';
import { diskOf } from './h3';
import { neighbours } from './neighbours';

describe('neighbours', () => {
  const centre = '87283472bffffff';
  const disk = diskOf({ cell: centre, k: 1 });
  const cells = [...disk[0], ...disk[1]].sort();
  const c = cells.indexOf(centre);

  it('lists the 6 ring-1 cells of the centre and 3 in-panel neighbours for each outer cell of a 1 + 6 disk', () => {
    const n = neighbours(cells, 1);
    expect(n.offsets).toHaveLength(8);
    expect(n.offsets[c + 1] - n.offsets[c]).toBe(6);
    for (let i = 0; i < cells.length; i++) {
      if (i === c) continue;
      // An outer cell touches the centre and its two outer neighbours on either side.
      expect(n.offsets[i + 1] - n.offsets[i]).toBe(3);
    }
    expect(n.index.length).toBe(6 + 6 * 3);
    expect([...n.ring].every((d) => d === 1)).toBe(true);
  });

  it('equals the lists read off every disk in order, past the first block of room (2^17 entries)', () => {
    // 1,951 cells (a k = 25 disk), 5 rings each: ~160,000 entries, so the arrays grow once.
    const many = diskOf({ cell: centre, k: 25 }).flat().sort();
    const n = neighbours(many, 5);
    const position = new Map(many.map((cell, i) => [cell, i]));
    const index: number[] = [];
    const ring: number[] = [];
    const offsets = [0];
    for (const cell of many) {
      diskOf({ cell, k: 5 }).forEach((others, d) => {
        for (const other of d > 0 ? others : []) {
          if (!position.has(other)) continue;
          index.push(position.get(other)!);
          ring.push(d);
        }
      });
      offsets.push(index.length);
    }
    expect(index.length).toBeGreaterThan(2 ** 17);
    expect([Array.from(n.offsets), Array.from(n.index), Array.from(n.ring)]).toEqual([offsets, index, ring]);
  });

  it('with k = 2, outer cells also reach the other outer cells at ring distance 2', () => {
    const n = neighbours(cells, 2);
    const outer = (c + 1) % cells.length;
    const rings = [...n.ring.subarray(n.offsets[outer], n.offsets[outer + 1])].sort();
    // 3 at distance 1 (centre + 2 adjacent outer cells), the other 3 outer cells at distance 2.
    expect(rings).toEqual([1, 1, 1, 2, 2, 2]);
  });

  it('k = 0 gives empty lists; bad k is rejected', () => {
    expect(Array.from(neighbours(cells, 0).offsets)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(() => neighbours(cells, -1)).toThrow(/integer from 0 to 255/);
  });
});
