import { describe, expect, it } from 'vitest';
import { DEFAULT_FEATURES, formatFeatures, parseFeatures } from './feature-tokens';

describe('parseFeatures(text) and formatFeatures(tokens)', () => {
  it.each([
    ['default', 'default'],
    [DEFAULT_FEATURES, 'default'],
    ['default+dow', 'default+dow'],
    ['lag1-4+ring1+dow', 'lag1-4+ring1+dow'],
    ['lag2-2+ring3', 'lag2+ring3'],
    ['ewma0.3+mean8+mean', 'ewma0.3+mean8+mean'],
    ['parent7w4+rate-offset+woy+month', 'parent7w4+rate-offset+woy+month'],
    [' lag1 + area ', 'lag1+area'],
    ['lag1 ring1', 'lag1+ring1'],
  ])('%s round-trips as %s', (text, canonical) => {
    expect(formatFeatures(parseFeatures(text))).toBe(canonical);
    expect(formatFeatures(parseFeatures(canonical))).toBe(canonical);
  });

  it('reads ranges and numbers into tokens', () => {
    expect(parseFeatures('lag1-3+ring1-2+ewma0.25+parent6w12')).toEqual([
      { kind: 'lag', from: 1, to: 3 },
      { kind: 'ring', from: 1, to: 2 },
      { kind: 'ewma', alpha: 0.25 },
      { kind: 'parent', res: 6, window: 12 },
    ]);
  });

  it.each([
    ['lag0', /lags must run from 1 to 52/],
    ['lag3-1', /first ≤ last/],
    ['ring4', /rings must run from 1 to 3/],
    ['ewma1.5', /not known/],
    ['ewma0.0', /between 0 and 1/],
    ['lag1+lag1', /'lag1' is listed twice/],
    ['default+cal', /'cal' is listed twice/],
    ['lag1-3+lag2', /lag 2 is in both 'lag1-3' and 'lag2'/],
    ['ring2+ring1-3', /ring 2 is in both 'ring2' and 'ring1-3'/],
    ['default+lag3-5', /lag 3 is in both 'lag1-3' and 'lag3-5'/],
    ['lag1++dow', /separated by '\+'/],
    ['', /separated by '\+'/],
    ['holiday', /no holiday calendar is available offline/],
    ['weekday', /feature 'weekday' is not known; expected one of lagK/],
    ['parent7w0', /parent needs an H3 resolution 0–15 and 1 to 520 periods/],
  ])('rejects %s naming the token', (text, message) => {
    expect(() => parseFeatures(text)).toThrow(message);
  });
});
