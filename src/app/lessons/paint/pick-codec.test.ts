import { describe, expect, it } from 'vitest';
import { decodePicks, encodePicks } from './pick-codec';

describe('encodePicks / decodePicks', () => {
  it('writes the shared prefix once and drops the trailing f digits', () => {
    expect(encodePicks(['882664c1abfffff', '882664c1a9fffff'])).toBe('882664c1a_9.b');
    expect(decodePicks('882664c1a_9.b')).toEqual(['882664c1a9fffff', '882664c1abfffff']);
  });

  it('round-trips one cell, cells whose own digits end in f, duplicates and no cells', () => {
    const cells = ['8826641b3ffffff', '882664c1affffff', '88266400fffffff'];
    expect(decodePicks(encodePicks(cells))).toEqual([...cells].sort());
    expect(decodePicks(encodePicks(['8826641b3ffffff']))).toEqual(['8826641b3ffffff']);
    expect(encodePicks(['882664c1a9fffff', '882664c1a9fffff'])).toBe('882664c1a9_');
    expect([encodePicks([]), decodePicks('')]).toEqual(['', []]);
  });

  it('is about 5 characters a cell for 44 neighbouring res-8 cells (the Chicago budget)', () => {
    const cells = Array.from({ length: 44 }, (_, i) => `8826641${(0x100 + i * 3).toString(16)}fffff`);
    expect(encodePicks(cells).length).toBeLessThan(44 * 5);
    expect(decodePicks(encodePicks(cells))).toEqual(cells);
  });

  it('gives no cells for a damaged text', () => {
    expect(decodePicks('88_zz')).toEqual([]);
    expect(decodePicks('no-underscore')).toEqual([]);
    expect(decodePicks('8826641b3fffffff_1')).toEqual([]);
    expect(decodePicks(null)).toEqual([]);
  });
});
