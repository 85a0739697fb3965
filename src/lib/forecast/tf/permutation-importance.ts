import { random } from '../../base/random';
import { poissonUnitDeviance } from '../../evaluate/metrics/poisson-deviance';
import type { Network } from './network';
import { logRates, type TrainData } from './train';

/** Validation targets the importance reads at most; beyond, an even subsample of units. */
const MAX_TARGETS = 50_000;

/**
 * Permutation importance (Breiman 2001; Fisher, Rudin & Dominici 2019) of each tabular feature
 * on the validation units: the mean Poisson deviance with that feature's column shuffled across
 * the validation targets (a seeded Fisher–Yates shuffle) minus the deviance as fitted. 0 means
 * the model does not use the feature there; it can be slightly negative by chance. Sequence
 * inputs (the GRU's and graph model's windows) are not permuted. Empty when there is no
 * validation span.
 * @example permutationImportance(net, data, ['lag1', 'cell-rate'], 1) // → [{ feature: 'lag1', value: 0.04 }, { feature: 'cell-rate', value: 0.31 }]
 */
export function permutationImportance(network: Network, data: TrainData, names: readonly string[], seed: number): { feature: string; value: number }[] {
  if (data.validation.length === 0) return [];
  const stride = Math.max(1, Math.ceil((data.validation.length * data.unitSize) / MAX_TARGETS));
  const units = data.validation.filter((_, i) => i % stride === 0);
  const batch = data.batch(units);
  const y = data.targets(units);
  const F = names.length;
  const deviance = (tab: Float32Array): number => {
    const eta = logRates(network, { ...batch, tab });
    let sum = 0;
    for (let i = 0; i < y.length; i++) sum += poissonUnitDeviance(Math.exp(eta[i]), y[i]);
    return sum / Math.max(1, y.length);
  };
  const base = deviance(batch.tab);
  const rng = random(seed);
  return names.map((feature, j) => {
    const tab = batch.tab.slice();
    for (let i = batch.n - 1; i > 0; i--) {
      const r = rng.int(i + 1);
      const tmp = tab[i * F + j];
      tab[i * F + j] = tab[r * F + j];
      tab[r * F + j] = tmp;
    }
    return { feature, value: deviance(tab) - base };
  });
}
