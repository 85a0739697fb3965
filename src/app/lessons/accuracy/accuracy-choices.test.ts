import { describe, expect, it } from 'vitest';
import { flattering, nothingBand } from './accuracy-choices';

describe('nothingBand', () => {
  it.each([
    [0, 0],
    [0.5, 1],
    [0.7, 2],
    [0.9, 3],
    [0.95, 4],
    [1, 4],
  ])('puts %f in band %i', (value, band) => {
    expect(nothingBand(value)).toBe(band);
  });
});

describe('flattering', () => {
  it('picks the largest share, leaving PAI (not a share) out', () => {
    expect(flattering({ accuracy: 0.95, hitRate: 0.2, precision: 0.3, pai: 4, auc: 0.8 })).toBe('accuracy');
    expect(flattering({ accuracy: 0.6, hitRate: 0.2, precision: 0.3, pai: 4, auc: 0.8 })).toBe('auc');
  });
});
