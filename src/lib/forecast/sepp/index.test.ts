import { describe, expect, it } from 'vitest';
import { createModel, formatModelSpec, parseModelSpec, resolveParams } from '../model-definition';
import { SEPP } from './index';

const context = { res: 8, bucket: { unit: 'week', timeZone: 'UTC', clock: 'wall' } } as const;

describe('SEPP (model definition)', () => {
  it('is the learned model "sepp" with defaults maxIterations 200, tolerance 1e-8, shrinkage 1, accelerate true', () => {
    expect([SEPP.id, SEPP.kind]).toEqual(['sepp', 'learned']);
    expect(resolveParams(SEPP, {})).toEqual({ maxIterations: 200, tolerance: 1e-8, shrinkage: 1, accelerate: true });
  });

  it.each([
    { spec: 'sepp', name: 'sepp' },
    { spec: 'sepp:shrinkage=0', name: 'sepp(shrinkage=0)' },
    { spec: 'sepp:accelerate=false:maxIterations=500', name: 'sepp(maxIterations=500, accelerate=false)' },
  ])('creates $name from "$spec"', ({ spec, name }) => {
    expect(createModel(parseModelSpec(spec), [SEPP], context).name).toBe(name);
  });

  it('fills defaults when create() is called directly with no parameters', () => {
    expect(SEPP.create({}, context).name).toBe('sepp');
  });

  it.each([
    { spec: 'sepp:tolerance=0.5', message: "Model 'sepp', parameter 'tolerance' must lie in [0, 0.01], got 0.5" },
    { spec: 'sepp:maxIterations=2.5', message: "parameter 'maxIterations' must be a whole number, got 2.5" },
    { spec: 'sepp:maxLag=10', message: "Model 'sepp' has no parameter 'maxLag'" },
  ])('rejects "$spec"', ({ spec, message }) => {
    expect(() => createModel(parseModelSpec(spec), [SEPP], context)).toThrow(message);
  });

  it('writes non-default parameters back in definition order', () => {
    expect(formatModelSpec({ id: 'sepp', params: { accelerate: false, shrinkage: 1, tolerance: 1e-6 } }, SEPP)).toBe(
      'sepp:tolerance=0.000001:accelerate=false',
    );
  });
});
