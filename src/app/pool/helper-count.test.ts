import { describe, expect, it } from 'vitest';
import { MAX_HELPERS, helperCount } from './helper-count';
import { workersLabel } from './workers-label';

describe('helperCount', () => {
  it('by default (and with ?workers=auto) is one fewer than the logical cores (none on one core: a helper there only costs its start-up and a panel copy), at most MAX_HELPERS', () => {
    expect(MAX_HELPERS).toBe(4);
    expect([1, 2, 3, 4, 5, 8, 16].map((cores) => helperCount(cores, ''))).toEqual([0, 1, 2, 3, 4, 4, 4]);
    expect([1, 2, 3, 4, 5, 8, 16].map((cores) => helperCount(cores, '?workers=auto'))).toEqual([0, 1, 2, 3, 4, 4, 4]);
  });

  it('counts 1 core when the browser does not say', () => {
    expect(helperCount(undefined, '')).toBe(0);
    expect(helperCount(Number.NaN, '?workers=auto')).toBe(0);
  });

  it('takes ?workers=N as N workers in all (the worker and N − 1 helpers), capped', () => {
    expect(helperCount(8, '?workers=1')).toBe(0);
    expect(helperCount(2, '?workers=3')).toBe(2);
    expect(helperCount(2, '?lesson=x&workers=20')).toBe(4);
  });

  it('ignores a workers parameter that is not a whole number ≥ 1: the default', () => {
    expect(['?workers=0', '?workers=-1', '?workers=two', '?workers=1.5', '?workers='].map((q) => helperCount(4, q))).toEqual([3, 3, 3, 3, 3]);
  });
});

describe('workersLabel', () => {
  it('names folds, models and workers with their plurals', () => {
    expect(workersLabel(4, 2, 2)).toBe('4 folds × 2 models on 2 workers');
    expect(workersLabel(1, 1, 1)).toBe('1 fold × 1 model on 1 worker');
  });

  it('gives the reason when helpers could not start', () => {
    expect(workersLabel(6, 3, 1, 'Worker is not defined')).toBe('6 folds × 3 models on 1 worker (fewer helper workers than asked: Worker is not defined)');
  });
});
