import { mae } from './mae';
import { assertSameLength } from './assert-inputs';

/**
 * Mean absolute scaled error: the forecast's MAE divided by the in-sample MAE of the naive
 * forecast (`naiveScale`) over the training span (lower is better; < 1 beats the naive
 * forecast's in-sample error).
 *
 * Formula: MASE = MAE(ŷ, y) / s, with s = naiveScale(training counts) (Hyndman & Koehler 2006,
 * "Another look at measures of forecast accuracy", *Int. J. Forecasting* 22:679–688).
 * Policy: s = 0 (a training span with no change at all, e.g. no incidents) or NaN → NaN; the
 * backtest counts such folds and reports them instead of averaging an infinity. Empty → NaN.
 * Throws when the lengths differ or s is negative.
 * @example mase([1, 2, 3], [1, 4, 0], 0.5) // → (5 / 3) / 0.5 = 3.3333
 */
export function mase(forecast: ArrayLike<number>, actual: ArrayLike<number>, scale: number): number {
  if (scale < 0) throw new RangeError(`mase: scale is ${scale}; a mean absolute error must be ≥ 0`);
  assertSameLength('mase', forecast, actual);
  const error = mae(forecast, actual);
  return scale > 0 ? error / scale : NaN;
}
