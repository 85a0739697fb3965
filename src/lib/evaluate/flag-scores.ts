import { auc } from './metrics/auc';
import { hotspotCut, hotspotRanking } from './metrics/hotspot-ranking';
import { hotspotScores } from './metrics/hotspot-scores';

/** One forecast's classification and hotspot scores at each coverage, averaged over the steps given. */
export interface FlagScores {
  /** The coverages c scored, as given (0 = flag nothing). */
  readonly coverage: Float64Array;
  /** Share of region cell-periods classified right, flag = "≥ 1 incident" (`flagAccuracy`). */
  readonly accuracy: Float64Array;
  /** Share of incidents in the flagged area (`hitRate`; 0 at c = 0). */
  readonly hitRate: Float64Array;
  /** Share of flagged cells that had an incident (`flagPrecision`; NaN at c = 0: nothing flagged). */
  readonly precision: Float64Array;
  /** Hit rate ÷ c (`pai`; NaN at c = 0). */
  readonly pai: Float64Array;
  /** Area under the ROC curve (`auc`), which needs no coverage. */
  readonly auc: number;
  /** Share of region cell-periods with at least one incident: the base rate. */
  readonly baseRate: number;
}

/**
 * Scores one forecaster's steps (`forecasts[k]` against `actuals[k]`, one value per cell) at every
 * coverage in `coverage` with the classification metrics (accuracy, precision) and the hotspot
 * metrics (hit rate, PAI), and with AUC, each the mean over the steps where it is defined
 * (NaN skipped), as the backtest averages folds. Coverage 0 flags nothing. The base rate is pooled
 * over all steps' region cells. Accuracy and precision equal `flagAccuracy` and `flagPrecision`
 * (a test holds them equal) but rank each step once for every coverage (`classifyAtCoverages`). The point: on sparse data accuracy follows 1 − base rate whatever
 * the forecast (Fawcett 2006), while hit rate, PAI and AUC move with its ranking.
 * @example flagScores([[3, 2, 1, 0]], [[2, 0, 1, 0]], [1, 1, 1, 1], [1, 1, 1, 1], [0, 0.5])
 *   // → accuracy [0.5, 0.5], hitRate [0, 2/3], precision [NaN, 0.5], pai [NaN, 4/3], auc 0.75, baseRate 0.5
 */
export function flagScores(
  forecasts: readonly ArrayLike<number>[],
  actuals: readonly ArrayLike<number>[],
  area: ArrayLike<number>,
  region: ArrayLike<number>,
  coverage: readonly number[],
): FlagScores {
  if (forecasts.length !== actuals.length) throw new RangeError(`flagScores: ${forecasts.length} forecasts but ${actuals.length} actual steps`);
  const J = coverage.length;
  const sums = { accuracy: new Float64Array(J), hitRate: new Float64Array(J), precision: new Float64Array(J), pai: new Float64Array(J) };
  const counts = { accuracy: new Float64Array(J), hitRate: new Float64Array(J), precision: new Float64Array(J), pai: new Float64Array(J) };
  const add = (key: keyof typeof sums, j: number, value: number): void => {
    if (Number.isNaN(value)) return;
    sums[key][j] += value;
    counts[key][j]++;
  };
  const positive = coverage.map((c, j) => ({ c, j })).filter(({ c }) => c > 0);
  let aucSum = 0;
  let aucSteps = 0;
  let cells = 0;
  let occupied = 0;
  for (let k = 0; k < forecasts.length; k++) {
    const f = forecasts[k];
    const y = actuals[k];
    for (let i = 0; i < y.length; i++) {
      if (region[i] !== 1) continue;
      cells++;
      if (y[i] > 0) occupied++;
    }
    const hotspots = positive.length
      ? hotspotScores(
          f,
          y,
          area,
          region,
          positive.map((p) => p.c),
        )
      : [];
    positive.forEach(({ j }, q) => {
      add('hitRate', j, hotspots[q].hitRate);
      add('pai', j, hotspots[q].pai);
    });
    const classified = classifyAtCoverages(f, y, area, region, coverage);
    coverage.forEach((c, j) => {
      add('accuracy', j, classified.accuracy[j]);
      add('precision', j, classified.precision[j]);
      if (c === 0) add('hitRate', j, 0);
    });
    const a = auc(f, y, region);
    if (!Number.isNaN(a)) {
      aucSum += a;
      aucSteps++;
    }
  }
  const mean = (key: keyof typeof sums): Float64Array => Float64Array.from(sums[key], (s, j) => (counts[key][j] > 0 ? s / counts[key][j] : Number.NaN));
  return {
    coverage: Float64Array.from(coverage),
    accuracy: mean('accuracy'),
    hitRate: mean('hitRate'),
    precision: mean('precision'),
    pai: mean('pai'),
    auc: aucSteps > 0 ? aucSum / aucSteps : Number.NaN,
    baseRate: cells > 0 ? occupied / cells : Number.NaN,
  };
}

/**
 * `flagAccuracy` and `flagPrecision` of one step at many coverages from one ranking: with the
 * region's cells in flagging order and P(k) = cells with an incident among the first k, a cut
 * flagging `cells` whole and a share s of the boundary group up to `end` has
 * TP = P(cells) + s·(P(end) − P(cells)) true flags out of F = cells + s·(end − cells), so
 * precision = TP/F and accuracy = (TP + R₀ − (F − TP))/R, R₀ the empty region cells of R.
 * A NaN count in the region makes both NaN, as the metrics do.
 */
function classifyAtCoverages(
  forecast: ArrayLike<number>,
  actual: ArrayLike<number>,
  area: ArrayLike<number>,
  region: ArrayLike<number>,
  coverage: readonly number[],
): { accuracy: Float64Array; precision: Float64Array } {
  const J = coverage.length;
  const accuracy = new Float64Array(J).fill(Number.NaN);
  const precision = new Float64Array(J).fill(Number.NaN);
  const ranking = hotspotRanking(forecast, area, region);
  const R = ranking.order.length;
  const positives = new Float64Array(R + 1);
  for (let k = 0; k < R; k++) {
    const y = actual[ranking.order[k]];
    if (y !== y) return { accuracy, precision };
    positives[k + 1] = positives[k] + (y > 0 ? 1 : 0);
  }
  if (R === 0) return { accuracy, precision };
  const empty = R - positives[R];
  coverage.forEach((c, j) => {
    const cut = c > 0 ? hotspotCut(ranking, c) : { cells: 0, end: 0, share: 0 };
    const hits = positives[cut.cells] + cut.share * (positives[cut.end] - positives[cut.cells]);
    const flagged = cut.cells + cut.share * (cut.end - cut.cells);
    accuracy[j] = (hits + empty - (flagged - hits)) / R;
    precision[j] = flagged > 0 ? hits / flagged : Number.NaN;
  });
  return { accuracy, precision };
}
