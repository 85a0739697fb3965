import { describe, expect, it } from 'vitest';
import { contractPanel } from '../../../../test/contract/forecaster-contract';
import { timeModels, type ModelTiming } from './timing';

describe('timeModels(panel, options)', () => {
  it('times fit and predict per fold and model on the chosen backend', async () => {
    const seen: string[] = [];
    const rows = await timeModels(contractPanel(), {
      backend: 'wasm',
      models: [
        { id: 'poisson-glm', params: {} },
        { id: 'mlp', params: { epochs: 1 } },
      ],
      cutoffs: [50, 60],
      onResult: (t: ModelTiming) => seen.push(t.model),
    });
    expect(seen).toEqual(['poisson-glm', 'mlp(hidden=32,epochs=1)']);
    expect(rows.map((r) => [r.backend, r.cells, r.periods, r.folds.map((f) => f.cutoff)])).toEqual([
      ['wasm', 19, 80, [50, 60]],
      ['wasm', 19, 80, [50, 60]],
    ]);
    for (const row of rows) {
      for (const fold of row.folds) expect(fold.fitMs).toBeGreaterThan(0);
      expect(row.meanFoldMs).toBeCloseTo(row.folds.reduce((s, f) => s + f.fitMs + f.predictMs, 0) / 2, 6);
    }
    expect(rows[1].folds.every((f) => f.epochs === 1)).toBe(true);
  }, 60_000);
});
