import { baselineForecaster } from '../forecast/baselines/baseline-forecaster';
import { flatForecast } from '../forecast/baselines/flat-forecast';
import type { Forecaster } from '../forecast/forecaster';
import type { History } from '../forecast/history';
import { applyScaler, fitScaler } from '../forecast/tf/scaler';
import type { Panel } from '../grid/panel';

/** Periods of lags the lag regression reads: the last period and the mean of the last 4. */
export const LAG_SPAN = 4;
/** Ridge penalty on the standardised slopes (not the intercept), per training row. */
const RIDGE = 1e-3;

/** Where the lag regression's per-cell mean-rate feature and its scaler come from. */
export interface LagRegressionSource {
  /** Per-cell mean count over the periods the feature is computed on, in the history's cell order. */
  readonly cellMean: (history: History) => Float64Array;
  /** The rows the scaler is fitted on (3 standardised columns), in the history's cell order. */
  readonly scalerRows: (history: History, cellMean: Float64Array) => Float32Array;
}

/**
 * The leakage lab's small learned model, a ridge regression of each cell's count on three
 * standardised features: the last period's count, the mean of the last 4, and the cell's mean
 * count (a target/mean encoding of the cell):
 * ŷ_{t,c} = max(0, β₀ + β·z(y_{t−1,c}, ȳ_{t−4..t−1,c}, m_c)), z = (x − mean)/sd from `fitScaler`
 * (forecast/tf/scaler.ts, the scaler the tfjs models use). Fitted by least squares with a small
 * ridge on the slopes (λ = 10⁻³ per row) on every training period t ≥ 4 of every history cell;
 * the forecast is flat over the horizon. Honestly (`lagRegression`) m_c and the scaler come
 * from the training span only. Needs 5 training periods.
 * @example lagRegression().name // → 'lag-regression'
 */
export function lagRegression(): Forecaster {
  return lagRegressionOf('lag-regression', {
    cellMean: (h) => meanOver(h.counts, h.cells.length),
    scalerRows: (h, m) => featureRows(h.counts, h.cells.length, m).x,
  });
}

/**
 * LEAKY — the same lag regression with its cell-mean feature and its scaler fitted on every
 * period of `panel`, test periods included, as when a StandardScaler or a mean encoding is fitted
 * before the data is split. The model still trains only on the history's rows; only its
 * features know the future. Only the leakage lab calls it.
 */
export function lagRegressionFittedOnAllData(panel: Panel): Forecaster {
  const all = (history: History): Float32Array => {
    const index = new Map(panel.cells.map((cell, c) => [cell, c]));
    const cells = Int32Array.from(history.cells, (cell) => index.get(cell)!);
    const P = panel.periods.length;
    const C = panel.cells.length;
    const counts = new Float32Array(P * cells.length);
    for (let p = 0; p < P; p++) cells.forEach((c, u) => (counts[p * cells.length + u] = panel.counts[p * C + c]));
    return counts;
  };
  return lagRegressionOf('lag-regression', {
    cellMean: (h) => meanOver(all(h), h.cells.length),
    scalerRows: (h, m) => featureRows(all(h), h.cells.length, m).x,
  });
}

function lagRegressionOf(name: string, source: LagRegressionSource): Forecaster {
  return baselineForecaster({
    name,
    minHistory: LAG_SPAN + 1,
    fit: (history) => {
      const U = history.cells.length;
      const cellMean = source.cellMean(history);
      const scaler = fitScaler(source.scalerRows(history, cellMean), 3);
      const { x, y } = featureRows(history.counts, U, cellMean);
      const beta = ridgeFit(applyScaler(scaler, x), y);
      const last = applyScaler(scaler, lastFeatures(history.counts, U, cellMean));
      const level = new Float32Array(U);
      for (let u = 0; u < U; u++) level[u] = Math.max(0, beta[0] + beta[1] * last[u * 3] + beta[2] * last[u * 3 + 1] + beta[3] * last[u * 3 + 2]);
      return level;
    },
    predict: flatForecast,
  });
}

/** Per-cell mean of period-major counts. */
function meanOver(counts: Float32Array, cells: number): Float64Array {
  const P = counts.length / cells;
  const out = new Float64Array(cells);
  for (let i = 0; i < counts.length; i++) out[i % cells] += counts[i] / P;
  return out;
}

/** The feature rows (3 columns) and targets of every period t ≥ LAG_SPAN of every cell. */
function featureRows(counts: Float32Array, cells: number, cellMean: Float64Array): { x: Float32Array; y: Float32Array } {
  const P = counts.length / cells;
  const n = Math.max(0, P - LAG_SPAN) * cells;
  const x = new Float32Array(n * 3);
  const y = new Float32Array(n);
  for (let t = LAG_SPAN, r = 0; t < P; t++) {
    for (let c = 0; c < cells; c++, r++) {
      let sum = 0;
      for (let j = 1; j <= LAG_SPAN; j++) sum += counts[(t - j) * cells + c];
      x[r * 3] = counts[(t - 1) * cells + c];
      x[r * 3 + 1] = sum / LAG_SPAN;
      x[r * 3 + 2] = cellMean[c];
      y[r] = counts[t * cells + c];
    }
  }
  return { x, y };
}

/** The features for the period after the history. */
function lastFeatures(counts: Float32Array, cells: number, cellMean: Float64Array): Float32Array {
  const P = counts.length / cells;
  const x = new Float32Array(cells * 3);
  for (let c = 0; c < cells; c++) {
    let sum = 0;
    for (let j = 1; j <= LAG_SPAN; j++) sum += counts[(P - j) * cells + c];
    x[c * 3] = counts[(P - 1) * cells + c];
    x[c * 3 + 1] = sum / LAG_SPAN;
    x[c * 3 + 2] = cellMean[c];
  }
  return x;
}

/** Least squares of y on [1, x] (x row-major, 3 columns) with ridge λ·n on the slopes: the 4 × 4 normal equations, by Gaussian elimination. */
function ridgeFit(x: Float32Array, y: Float32Array): Float64Array {
  const n = y.length;
  const a = Array.from({ length: 4 }, () => new Float64Array(5));
  const row = new Float64Array(4);
  for (let r = 0; r < n; r++) {
    row[0] = 1;
    row[1] = x[r * 3];
    row[2] = x[r * 3 + 1];
    row[3] = x[r * 3 + 2];
    for (let i = 0; i < 4; i++) {
      for (let j = 0; j < 4; j++) a[i][j] += row[i] * row[j];
      a[i][4] += row[i] * y[r];
    }
  }
  for (let i = 1; i < 4; i++) a[i][i] += RIDGE * Math.max(1, n);
  for (let i = 0; i < 4; i++) {
    let pivot = i;
    for (let r = i + 1; r < 4; r++) if (Math.abs(a[r][i]) > Math.abs(a[pivot][i])) pivot = r;
    [a[i], a[pivot]] = [a[pivot], a[i]];
    const d = a[i][i] || 1;
    for (let r = 0; r < 4; r++) {
      if (r === i) continue;
      const f = a[r][i] / d;
      for (let j = i; j < 5; j++) a[r][j] -= f * a[i][j];
    }
  }
  return Float64Array.from({ length: 4 }, (_, i) => a[i][4] / (a[i][i] || 1));
}
