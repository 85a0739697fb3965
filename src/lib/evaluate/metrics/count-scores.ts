import { brierCellScore, brierScore } from './brier-score';
import { logCellScore, logScore } from './log-score';
import { mae } from './mae';
import { mase } from './mase';
import { poissonDeviance, poissonUnitDeviance } from './poisson-deviance';
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
 * (and P(≥ 1 incident) = 1 − e^(−λ), its Brier and log-score terms and the deviance of one
 * incident are computed once for each λ while it stays in one of 4,096 slots: the same numbers,
 * as they are functions of λ alone). Inputs the functions reject or end early on — lengths that differ, a negative scale, a
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
    // A forecast λ seen before (flat baselines repeat a few hundred values over 5,000 cells) reuses its
    // Brier and log terms, and its deviance term for one incident; each slot remembers the last λ that hashed to it.
    const slot = Math.imul((mu * 1048576) | 0, 0x9e3779b1) >>> SLOT_SHIFT;
    if (!(slotLambda[slot] === mu)) cellTerms(mu, slot);
    deviance += y === 1 ? slotDevianceOfOne[slot] : poissonUnitDeviance(mu, y);
    const at = 4 * slot + (y >= 1 ? 0 : 2);
    brier += slotTerms[at];
    log += slotTerms[at + 1];
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

/** log₂ of the number of remembered forecasts (`slotLambda`): 4,096 slots, picked by the top 12 bits of a hash of λ. */
const SLOT_SHIFT = 32 - 12;
/** The λ each slot's terms belong to (NaN: none yet; NaN never equals itself, so a NaN λ is never reused). */
const slotLambda = new Float64Array(1 << (32 - SLOT_SHIFT)).fill(Number.NaN);
/** Per slot: Brier and log-score terms of a cell with incidents (y ≥ 1), then of one without. */
const slotTerms = new Float64Array(4 << (32 - SLOT_SHIFT));
/** Per slot: the Poisson unit deviance of a cell with exactly one incident (the commonest count above 0). */
const slotDevianceOfOne = new Float64Array(1 << (32 - SLOT_SHIFT));

/** Stores the Brier and log-score terms of forecast λ = `mu` (`brierCellScore`, `logCellScore`) in `slot`, for a cell with incidents and one without, and its unit deviance at one incident. */
function cellTerms(mu: number, slot: number): void {
  slotLambda[slot] = mu;
  slotDevianceOfOne[slot] = poissonUnitDeviance(mu, 1);
  slotTerms[4 * slot] = brierCellScore(mu, 1);
  slotTerms[4 * slot + 1] = logCellScore(mu, 1);
  slotTerms[4 * slot + 2] = brierCellScore(mu, 0);
  slotTerms[4 * slot + 3] = logCellScore(mu, 0);
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
