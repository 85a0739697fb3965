import { describe, expect, it } from 'vitest';
import { scaleBar } from './scale-bar';

describe('scaleBar', () => {
  it.each([
    [10, 120, { metres: 1000, pixels: 100, label: '1 km' }],
    [10, 99, { metres: 500, pixels: 50, label: '500 m' }],
    [25, 100, { metres: 2000, pixels: 80, label: '2 km' }],
    [0.5, 100, { metres: 50, pixels: 100, label: '50 m' }],
    [0, 100, { metres: 0, pixels: 0, label: '' }],
  ])('scaleBar(%d m/px, %d px) → %o', (mpp, max, expected) => {
    expect(scaleBar(mpp, max)).toEqual(expected);
  });
});
