import { describe, expect, it } from 'vitest';
import { assertProtocolFits, cutoffsOf, protocolOf, windowStart } from './protocol';

describe('protocol', () => {
  it('cutoffsOf(100, h = 2, n = 3, s = 4) → [90, 94, 98]: the last fold leaves exactly h periods', () => {
    expect(cutoffsOf(100, protocolOf({ horizon: 2, folds: 3, step: 4 }))).toEqual([90, 94, 98]);
    expect(cutoffsOf(10, protocolOf({ horizon: 1, folds: 3, step: 1 }))).toEqual([7, 8, 9]);
  });

  it('windowStart is 0 when expanding and cutoff − K when sliding', () => {
    expect(windowStart(50, protocolOf({ window: 'expanding' }))).toBe(0);
    expect(windowStart(50, protocolOf({ window: 20 }))).toBe(30);
    expect(windowStart(10, protocolOf({ window: 20 }))).toBe(0);
  });

  it('protocolOf fills defaults, sorts and de-duplicates coverage, and survives JSON', () => {
    const p = protocolOf({ coverage: [0.1, 0.01, 0.1] });
    expect(p.coverage).toEqual([0.01, 0.1]);
    expect(protocolOf(JSON.parse(JSON.stringify(p)))).toEqual(p);
  });

  it.each([
    [{ horizon: 0 }, 'protocol.horizon must be a whole number ≥ 1, got 0'],
    [{ folds: 2.5 }, 'protocol.folds must be a whole number ≥ 1, got 2.5'],
    [{ folds: 'many' }, 'protocol.folds must be a whole number ≥ 1, got many'],
    [{ validation: -1 }, 'protocol.validation must be an integer ≥ 0'],
    [{ coverage: [0] }, 'coverage levels must lie in (0, 1], got 0'],
    [{ coverage: [] }, 'at least one coverage level'],
    [{ window: 0 }, 'protocol.window must be a whole number ≥ 1'],
  ])('protocolOf(%j) throws "%s"', (input, message) => {
    expect(() => protocolOf(input as never)).toThrow(message);
  });

  it('assertProtocolFits names the model and the numbers when history is too short', () => {
    const p = protocolOf({ horizon: 1, folds: 10, step: 1, validation: 4 });
    expect(() => assertProtocolFits(30, p, [{ name: 'naive', minHistory: 1 }])).not.toThrow();
    expect(() => assertProtocolFits(30, p, [{ name: 'seasonal-naive(m=52)', minHistory: 52 }])).toThrow(
      "Model 'seasonal-naive(m=52)' needs 52 training periods, but the first fold has only 20",
    );
    // Only a model that holds out a validation span is charged for it: 17 + 4 > 20, while 17 alone fits.
    expect(() => assertProtocolFits(30, p, [{ name: 'x', minHistory: 17 }])).not.toThrow();
    expect(() => assertProtocolFits(30, p, [{ name: 'mlp', minHistory: 17, usesValidation: true }])).toThrow(
      "Model 'mlp' needs 17 training periods plus 4 for validation, but the first fold has only 20",
    );
    expect(() => assertProtocolFits(5, p, [])).toThrow('The panel has 5 periods; 10 folds of horizon 1 stepping by 1 need at least 11');
  });
});
