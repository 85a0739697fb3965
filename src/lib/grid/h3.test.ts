import { describe, expect, it } from 'vitest';
import { areaOf, assertResolution, boundaryOf, cellOf, centreOf, diskOf, edgeLengthAt, hexAreaAt, isCell, parentOf, resolutionOf } from './h3';

describe('h3 wrapper', () => {
  it("cellOf({ lat: 37.3615593, lng: -122.0553238, res: 7 }) is h3-js's documented example cell", () => {
    expect(cellOf({ lat: 37.3615593, lng: -122.0553238, res: 7 })).toBe('87283472bffffff');
  });

  it('resolutionOf reads the resolution back and rejects non-cells with the value', () => {
    expect(resolutionOf('87283472bffffff')).toBe(7);
    expect(() => resolutionOf('not-a-cell')).toThrow("'not-a-cell' is not a valid H3 cell index");
    expect(isCell('87283472bffffff')).toBe(true);
    expect(isCell('zzz')).toBe(false);
  });

  it.each([[-1], [16], [2.5], [Number.NaN]])('assertResolution(%s) throws a range error', (res) => {
    expect(() => assertResolution(res)).toThrow(/integer from 0 to 15/);
  });

  it('diskOf groups a hexagon k=2 disk into 1 + 6 + 12 cells by distance', () => {
    const rings = diskOf({ cell: '87283472bffffff', k: 2 });
    expect(rings.map((r) => r.length)).toEqual([1, 6, 12]);
    expect(rings[0]).toEqual(['87283472bffffff']);
  });

  it('areaOf gives the exact cell area, close to the resolution average (res 7 ≈ 5.16 km²)', () => {
    const area = areaOf('87283472bffffff');
    expect(area / hexAreaAt(7)).toBeGreaterThan(0.8);
    expect(area / hexAreaAt(7)).toBeLessThan(1.2);
    expect(hexAreaAt(7) / 1e6).toBeCloseTo(5.16, 1);
  });

  it('edgeLengthAt(8) is about 531 m (H3 resolution table)', () => {
    expect(edgeLengthAt(8)).toBeGreaterThan(500);
    expect(edgeLengthAt(8)).toBeLessThan(560);
  });

  it('boundaryOf returns a closed [lng, lat] ring of 6 vertices around the centre', () => {
    const ring = boundaryOf('87283472bffffff');
    expect(ring).toHaveLength(7);
    expect(ring[0]).toEqual(ring[6]);
    const { lat, lng } = centreOf('87283472bffffff');
    for (const [x, y] of ring) {
      expect(Math.abs(x - lng)).toBeLessThan(0.05);
      expect(Math.abs(y - lat)).toBeLessThan(0.05);
    }
  });

  it('cellOf names the point and resolution when h3 refuses', () => {
    expect(() => cellOf({ lat: Number.NaN, lng: 0, res: 8 })).toThrow(/lat NaN, lng 0.*resolution 8/);
  });

  // An index is 0x0 | mode 1 | resolution nibble | base cell | 15 three-bit digits (7 = unused).
  // The parent at r sets the resolution nibble to r and digit r+1 to 7: in '892664c1a9bffff'
  // the low 24 bits 0x9bffff hold digit 9 = 0b110 in bits 20–18; 0b111 there gives 0x9fffff.
  it.each([
    ['892664c1a9bffff', 8, '882664c1a9fffff'], // resolution 9 → 8: digit 9 (6) becomes 7
    ['882664c1a9fffff', 7, '872664c1affffff'], // resolution 8 → 7: digit 8 (4, bits 23–21 of 0x9fffff) becomes 7
    ['892664c1a9bffff', 9, '892664c1a9bffff'], // its own resolution: the cell itself
  ])('parentOf({ cell: %s, res: %i }) is %s', (cell, res, parent) => {
    expect(parentOf({ cell, res })).toBe(parent);
    expect(resolutionOf(parent)).toBe(res);
  });

  it('parentOf refuses a finer resolution than the cell’s and a non-cell, naming them', () => {
    expect(() => parentOf({ cell: '882664c1a9fffff', res: 9 })).toThrow("The parent of '882664c1a9fffff' (resolution 8) needs a resolution from 0 to 8, got 9");
    expect(() => parentOf({ cell: 'nonsense', res: 3 })).toThrow("'nonsense' is not a valid H3 cell index");
  });
});
