/**
 * Relative skill of a score against a reference (baseline) score, signed so that positive
 * always means better than the baseline, whatever the metric's direction.
 *
 * Formula: lower-is-better metrics (MAE, RMSE, deviance, MASE, Brier, log score):
 * skill = 1 − value/baseline (the classic skill score of Murphy 1988, *Monthly Weather Review*
 * 116:2417–2424: 1 = perfect, 0 = as good as the baseline, < 0 worse); higher-is-better
 * metrics (hit rate, PAI, PEI*): skill = value/baseline − 1 (0.25 = 25 % better).
 * Policy: baseline 0, negative, NaN or ±∞ → NaN (the ratio has no meaning, and a negative
 * baseline would flip the sign convention); value NaN → NaN.
 * @example skill(0.8, 1, 'lower') // → 0.2 (20 % lower error than the baseline)
 * @example skill(3, 2, 'higher') // → 0.5 (PAI 50 % higher than the baseline)
 */
export function skill(value: number, baseline: number, better: 'lower' | 'higher'): number {
  if (better !== 'lower' && better !== 'higher') throw new RangeError(`skill: better must be 'lower' or 'higher', got ${String(better)}`);
  if (!(baseline > 0) || baseline === Infinity) return NaN;
  return better === 'lower' ? 1 - value / baseline : value / baseline - 1;
}
