import { describe, expect, it } from 'vitest';
import { bandOf } from '../../../lib/lessons/guess-bands';
import { flattering, NOTHING_GUESSES } from './accuracy-choices';

describe('NOTHING_GUESSES', () => {
  it.each([
    [0, 'about-0'],
    [0.5, 'about-50'],
    [0.7, 'about-75'],
    [0.9, 'about-90'],
    [0.95, 'over-95'],
    [1, 'over-95'],
  ])('puts an accuracy of %f in %s', (value, band) => {
    expect(bandOf(NOTHING_GUESSES, value)).toBe(band);
  });
});

describe('flattering', () => {
  it('picks the largest share, leaving PAI (not a share) out', () => {
    expect(flattering({ accuracy: 0.95, hitRate: 0.2, precision: 0.3, pai: 4, auc: 0.8 })).toBe('accuracy');
    expect(flattering({ accuracy: 0.6, hitRate: 0.2, precision: 0.3, pai: 4, auc: 0.8 })).toBe('auc');
  });
});
