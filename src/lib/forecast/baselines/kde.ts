import { edgeLengthAt } from '../../grid/h3';
import type { Forecaster } from '../forecaster';
import type { ModelDefinition } from '../model-definition';
import { autoPeriods, autoPeriodsParam, type PeriodsByBucket } from './auto-periods';
import { baselineForecaster } from './baseline-forecaster';
import { flatForecast } from './flat-forecast';
import { quarticRingWeights } from './quartic-ring-weights';
import { windowAverageLevel } from './window-average';

/**
 * Window used when the parameter is 0 ("auto"): about a quarter of recent data, a common
 * input span for retrospective hotspot maps (hour 2184 = 13 weeks, day 91, week 13, month 3).
 */
export const KDE_WINDOW: PeriodsByBucket = { hour: 2184, day: 91, week: 13, month: 3 };

/** The widest spatial bandwidth accepted, in rings (bounds the neighbour lists the backtest builds). */
export const MAX_KDE_RINGS = 50;

/**
 * A bandwidth in metres as a (fractional) number of H3 rings at a resolution: metres divided
 * by the average centre-to-centre distance of adjacent cells, √3 × the average edge length.
 * @example bandwidthInRings(1840, 8) // → ≈ 2.0 (res 8: edge ≈ 531 m, spacing ≈ 920 m)
 */
export function bandwidthInRings(metres: number, res: number): number {
  if (!(metres > 0) || !Number.isFinite(metres)) throw new RangeError(`bandwidthInRings: bandwidth must be a finite number of metres > 0, got ${metres}`);
  return metres / (Math.sqrt(3) * edgeLengthAt(res));
}

/**
 * The spatial KDE kernel: the mean rate of the last `window` periods of each cell, spread
 * over the cells within the bandwidth in proportion to `weights[d]` (d = ring distance,
 * `weights[0]` for the cell itself), each source normalised over the neighbours that exist:
 *
 *   ȳ_j = (1/W) Σ_{t=T−W+1..T} y_{t,j},  Z_j = Σ_{i ∈ panel, d(i,j) < len} w[d(i,j)],
 *   ŷ_c = Σ_j ȳ_j · w[d(c,j)] / Z_j.
 *
 * Mass-preserving: Σ_c ŷ_c = Σ_j ȳ_j, also at the panel's edge, where a source keeps the
 * share that would have gone to missing neighbours. Neighbours are the CSR lists
 * (`offsets`, `index`, `ring`: see grid/neighbours.ts); those at ring ≥ `weights.length`
 * are skipped, so lists built with a larger k are fine. Returns one value per cell.
 * @example kdeLevel(Float32Array.of(3, 0), 2, 1, Int32Array.of(0, 1, 2), Int32Array.of(1, 0),
 *   Uint8Array.of(1, 1), Float64Array.of(1, 0.5)) // two adjacent cells → Float32Array [2, 1]
 */
export function kdeLevel(
  counts: Float32Array,
  cells: number,
  window: number,
  offsets: Int32Array,
  index: Int32Array,
  ring: Uint8Array,
  weights: Float64Array,
): Float32Array {
  if (offsets.length !== cells + 1) throw new RangeError(`kdeLevel: neighbour offsets have length ${offsets.length}, expected cells + 1 = ${cells + 1}`);
  if (weights.length < 1 || !(weights[0] > 0)) throw new RangeError('kdeLevel: weights[0] (the cell itself) must be > 0');
  const mean = windowAverageLevel(counts, cells, window);
  const reach = weights.length;
  const out = new Float64Array(cells);
  for (let j = 0; j < cells; j++) {
    const rate = mean[j];
    if (rate === 0) continue;
    const end = offsets[j + 1];
    let z = weights[0];
    for (let n = offsets[j]; n < end; n++) if (ring[n] < reach) z += weights[ring[n]];
    const share = rate / z;
    out[j] += share * weights[0];
    for (let n = offsets[j]; n < end; n++) if (ring[n] < reach) out[index[n]] += share * weights[ring[n]];
  }
  return Float32Array.from(out);
}

/** Options of `kde`: a window, and a bandwidth in rings or in metres (which needs the resolution). */
export interface KdeOptions {
  /** Periods averaged (W ≥ 1). */
  readonly window: number;
  /** Farthest ring that receives weight (bandwidth h = rings + 1); default 1. Ignored when bandwidthM > 0. */
  readonly rings?: number;
  /** Bandwidth in metres (h = bandwidthM / (√3·edge)); 0 or absent: use `rings`. */
  readonly bandwidthM?: number;
  /** H3 resolution of the panel; required with bandwidthM. */
  readonly res?: number;
}

/**
 * Retrospective hotspot map as a forecaster (Chainey, Tompson & Uhlig 2008, "The utility of
 * hotspot mapping for predicting spatial patterns of crime", Security Journal 21): the last
 * W periods' counts per cell, smoothed over H3 neighbours with a quartic kernel on ring
 * distance, K(d) = (1 − (d/h)²)² for d < h. The bandwidth h is `rings + 1` (so `rings` is the
 * farthest ring with positive weight: rings = 1 gives K = 1, 9/16) or `bandwidthM` metres
 * over the resolution's average cell spacing √3·edge. The smoothed surface is divided by W
 * and keeps the window's total (see `kdeLevel`), so it is an expected count per cell per
 * period. Counts are treated as sitting at cell centres, with cells of equal size (true to
 * within a few per cent inside a city at one resolution); ring distance stands in for
 * Euclidean distance (the centres of ring d lie between (√3/2)·d and d spacings away).
 *
 * minHistory W (fit throws on fewer). A cell with no incident in the window gets only what
 * its neighbours spread to it; with none within the bandwidth either, 0. Name:
 * `kde(window=13, rings=1)` or `kde(window=13, bandwidth=400m)`.
 * @example kde({ window: 1, rings: 1 }) on two adjacent cells with last counts [3, 0]
 *   → predict(1) = [3·16/25, 3·9/25] = [1.92, 1.08]
 */
export function kde(options: KdeOptions): Forecaster {
  const { window, rings = 1, bandwidthM = 0, res } = options;
  if (!Number.isInteger(window) || window < 1) throw new RangeError(`kde: window must be a whole number of periods ≥ 1, got ${window}`);
  if (!(bandwidthM >= 0)) throw new RangeError(`kde: bandwidth_m must be ≥ 0 metres (0 = use rings), got ${bandwidthM}`);
  let h: number;
  let name: string;
  if (bandwidthM > 0) {
    if (res === undefined) throw new Error('kde: a bandwidth in metres needs the panel resolution (res)');
    h = bandwidthInRings(bandwidthM, res);
    name = `kde(window=${window}, bandwidth=${bandwidthM}m)`;
  } else {
    if (!Number.isInteger(rings) || rings < 0) throw new RangeError(`kde: rings must be a whole number ≥ 0, got ${rings}`);
    h = rings + 1;
    name = `kde(window=${window}, rings=${rings})`;
  }
  const weights = quarticRingWeights(h);
  const neighbourRings = weights.length - 1;
  if (neighbourRings > MAX_KDE_RINGS) {
    throw new RangeError(`kde: a bandwidth of ${bandwidthM} m reaches ${neighbourRings} rings at resolution ${res}; at most ${MAX_KDE_RINGS} are supported`);
  }
  return baselineForecaster({
    name,
    minHistory: window,
    neighbourRings,
    fit: (history) => {
      if (bandwidthM > 0 && history.res !== res) {
        throw new Error(`${name} was created for resolution ${res} but the history is at resolution ${history.res}`);
      }
      const { offsets, index, ring } = history.neighbours;
      return kdeLevel(history.counts, history.cells.length, window, offsets, index, ring, weights);
    },
    predict: flatForecast,
  });
}

/** Model definition of `kde`; `window = 0` picks the window from the bucket (`KDE_WINDOW`). */
export const KDE: ModelDefinition = {
  id: 'kde',
  label: 'Spatial KDE (retrospective hotspots)',
  kind: 'baseline',
  summary: 'Recent counts smoothed over neighbouring cells with a quartic kernel (retrospective hotspot map).',
  params: [
    autoPeriodsParam({ name: 'window', label: 'Window', what: 'Recent periods averaged', table: KDE_WINDOW }),
    {
      name: 'rings',
      label: 'Bandwidth (rings)',
      type: 'integer',
      default: 1,
      min: 0,
      max: MAX_KDE_RINGS,
      doc: 'Farthest H3 ring that receives weight (bandwidth = rings + 1 ring spacings); 0 = no smoothing.',
    },
    {
      name: 'bandwidth_m',
      label: 'Bandwidth (metres)',
      type: 'number',
      default: 0,
      min: 0,
      doc: 'Bandwidth in metres, converted to rings with the average cell spacing √3·edge; 0 = use rings.',
    },
  ],
  autoPeriods: [{ name: 'window', byBucket: KDE_WINDOW, shrinks: true }],
  create: (params, context) =>
    kde({
      window: autoPeriods(Number(params.window ?? 0), context.bucket.unit, KDE_WINDOW),
      rings: Number(params.rings ?? 1),
      bandwidthM: Number(params.bandwidth_m ?? 0),
      res: context.res,
    }),
};
