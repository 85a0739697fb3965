import type { ExternalKind } from '../evaluate/external-model';
import { normaliseName, SCORE_NAMES } from './detect-forecast-columns';

/** Widest factor between a count forecast's total per period and the incidents per training period before it is taken for a score. */
export const COUNT_PLAUSIBLE_FACTOR = 10;

/**
 * What a forecast file holds, and why. Declared kinds win. Otherwise, in order:
 * no value column → 'flags'; a value column named like a score (score, risk, probability, rank)
 * → 'score'; any negative value → 'score' (a count cannot be negative); the file's mean total
 * per forecast period more than `COUNT_PLAUSIBLE_FACTOR` (10) times above or below the mean
 * incidents per period before the first cutoff (training data only, never the test periods) →
 * 'score'; else 'count'.
 * @example resolveKind({ value: 'forecast', declared: undefined, minValue: 0, perPeriod: 12, trainingPerPeriod: 10 })
 * // → { kind: 'count', reason: 'values ≥ 0 summing to 12 per period, against 10 incidents per training period (within 10×)' }
 */
export function resolveKind(facts: {
  readonly value: string | null;
  readonly declared: ExternalKind | undefined;
  readonly minValue: number;
  readonly perPeriod: number;
  readonly trainingPerPeriod: number;
}): { kind: ExternalKind; reason: string } {
  const { value, declared, minValue, perPeriod, trainingPerPeriod } = facts;
  const fmt = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : x.toPrecision(3).replace(/\.?0+$/, ''));
  if (declared) return { kind: declared, reason: 'declared' };
  if (value === null) return { kind: 'flags', reason: 'no value column: each row flags a place' };
  if (SCORE_NAMES.includes(normaliseName(value))) return { kind: 'score', reason: `the value column is named '${value}'` };
  if (minValue < 0) return { kind: 'score', reason: `it has negative values (down to ${fmt(minValue)}), which no count can have` };
  const ratio = perPeriod / trainingPerPeriod;
  const versus = `${fmt(perPeriod)} per period, against ${fmt(trainingPerPeriod)} incidents per training period`;
  if (!(ratio <= COUNT_PLAUSIBLE_FACTOR && ratio >= 1 / COUNT_PLAUSIBLE_FACTOR)) {
    return {
      kind: 'score',
      reason: `its values sum to ${versus} (more than ${COUNT_PLAUSIBLE_FACTOR}× apart: not plausible as expected counts; declare the kind to override)`,
    };
  }
  return { kind: 'count', reason: `values ≥ 0 summing to ${versus} (within ${COUNT_PLAUSIBLE_FACTOR}×)` };
}
