import { brierScore } from './brier-score';
import { logScore } from './log-score';
import { mae } from './mae';
import { mase } from './mase';
import { poissonDeviance, poissonUnitDeviance } from './poisson-deviance';
import { RATE_FLOOR } from './rate-floor';
import { rmse } from './rmse';

/** Every count metric of one forecast against what happened (`countScores`). */
export interface CountScores {
  readonly mae: number;
  readonly rmse: number;
  readonly poissonDeviance: number;
  readonly mase: number;
  readonly brier: number;
  readonly logScore: number;
}

/**
 * `mae`, `rmse`, `poissonDeviance`, `mase` (with `scale`), `brierScore` and `logScore` of one
 * forecast in a single pass over the cells: each metric's own per-cell formula and running sum,
 * added in cell order as its function adds them, so every number is bit for bit the function's
 * (and P(≥ 1 incident) = 1 − e^(−λ), which the Brier and log scores share, is computed once a
 * cell). Inputs the functions reject or end early on — lengths that differ, a negative scale, a
 * negative value, a NaN count — are handed to the functions themselves, one after another, so
 * their errors and NaN results are exactly theirs.
 * @example countScores([Math.LN2, 1], [0, 1], 1).mae // → (ln 2 + 0) / 2 = 0.3466
 */
export function countScores(forecast: ArrayLike<number>, actual: ArrayLike<number>, scale: number): CountScores {
  const n = forecast.length;
  let absolute = 0;
  let squared = 0;
  let deviance = 0;
  let brier = 0;
  let log = 0;
  let plain = n === actual.length && !(scale < 0);
  for (let i = 0; plain && i < n; i++) {
    const mu = forecast[i];
    const y = actual[i];
    if (mu < 0 || y < 0 || y !== y) {
      plain = false;
      break;
    }
    const e = mu - y;
    absolute += Math.abs(e);
    squared += e * e;
    deviance += poissonUnitDeviance(mu, y);
    const raw = -Math.expm1(-mu);
    const hit = y >= 1;
    brier += (raw - (hit ? 1 : 0)) ** 2;
    const p = raw < RATE_FLOOR ? RATE_FLOOR : raw > 1 - RATE_FLOOR ? 1 - RATE_FLOOR : raw;
    log += hit ? -Math.log(p) : -Math.log1p(-p);
  }
  if (!plain) return countScoresApart(forecast, actual, scale);
  const meanAbsolute = n === 0 ? NaN : absolute / n;
  return {
    mae: meanAbsolute,
    rmse: n === 0 ? NaN : Math.sqrt(squared / n),
    poissonDeviance: n === 0 ? NaN : deviance / n,
    mase: scale > 0 ? meanAbsolute / scale : NaN,
    brier: n === 0 ? NaN : brier / n,
    logScore: n === 0 ? NaN : log / n,
  };
}

/**
 * The count metrics of one forecast, each from its own function (`mae`, `rmse`,
 * `poissonDeviance`, `mase`, `brierScore`, `logScore`, called in that order): what `countScores`
 * equals, and what it falls back on for inputs those functions reject or end early on.
 * @example countScoresApart([1], [1], 1).mae // → 0
 */
export function countScoresApart(forecast: ArrayLike<number>, actual: ArrayLike<number>, scale: number): CountScores {
  return {
    mae: mae(forecast, actual),
    rmse: rmse(forecast, actual),
    poissonDeviance: poissonDeviance(forecast, actual),
    mase: mase(forecast, actual, scale),
    brier: brierScore(forecast, actual),
    logScore: logScore(forecast, actual),
  };
}
