import type { Forecaster } from '../forecaster';
import type { ModelDefinition } from '../model-definition';
import { periodsOf } from './assert-counts';
import { autoPeriods, autoPeriodsParam, type PeriodsByBucket } from './auto-periods';
import { baselineForecaster } from './baseline-forecaster';
import { flatForecast } from './flat-forecast';

/**
 * Temporal bandwidth used when the parameter is 0 ("auto"): about two months, the span of
 * Bowers et al. (2004) — hour 1344 (8 weeks), day 56, week 8, month 2.
 */
export const PROSPECTIVE_PERIODS: PeriodsByBucket = { hour: 1344, day: 56, week: 8, month: 2 };

/** The widest spatial bandwidth accepted, in rings. */
export const MAX_PROSPECTIVE_RINGS = 50;

/**
 * The prospective hotspot kernel. Each incident in cell j, t periods before the end of
 * `counts` (t = 0 for the last period), adds 1/((1 + d)(1 + t)) to every cell c at ring
 * distance d = d(c, j) ≤ `rings`, for t < `periods`:
 *
 *   S_c = Σ_{d(c,j) ≤ R} Σ_{t=0..B−1} y_{T−t,j} / ((1 + d)(1 + t)).
 *
 * The score S is a relative risk; it is rescaled so that its total equals the mean total
 * count per period over the same B periods, M = (1/B) Σ_t Σ_j y_{T−t,j}:
 * ŷ_c = S_c · M / Σ_c S_c (all zero when the window holds no incident). Neighbours come from
 * the CSR lists (`offsets`, `index`, `ring`); those beyond `rings` are skipped. Returns one
 * value per cell. The weight factorises, so the cost is O(B·cells + neighbour pairs).
 * @example prospectiveLevel(Float32Array.of(2, 0, 1, 0), 2, 2, Int32Array.of(0, 1, 2),
 *   Int32Array.of(1, 0), Uint8Array.of(1, 1), 1) // S = [2, 1], M = 1.5 → Float32Array [1, 0.5]
 */
export function prospectiveLevel(
  counts: Float32Array,
  cells: number,
  periods: number,
  offsets: Int32Array,
  index: Int32Array,
  ring: Uint8Array,
  rings: number,
): Float32Array {
  if (!Number.isInteger(periods) || periods < 1) throw new RangeError(`prospectiveLevel: periods must be a whole number ≥ 1, got ${periods}`);
  if (!Number.isInteger(rings) || rings < 0) throw new RangeError(`prospectiveLevel: rings must be a whole number ≥ 0, got ${rings}`);
  if (offsets.length !== cells + 1)
    throw new RangeError(`prospectiveLevel: neighbour offsets have length ${offsets.length}, expected cells + 1 = ${cells + 1}`);
  const P = periodsOf(counts, cells, periods, 'prospectiveLevel');
  // Time-weighted count per cell, u_j = Σ_t y_{T−t,j} / (1 + t), and the window's total.
  const recent = new Float64Array(cells);
  let total = 0;
  for (let t = 0; t < periods; t++) {
    const w = 1 / (1 + t);
    const base = (P - 1 - t) * cells;
    for (let c = 0; c < cells; c++) {
      const y = counts[base + c];
      recent[c] += w * y;
      total += y;
    }
  }
  const out = new Float32Array(cells);
  if (total === 0) return out;
  // Distance weighting: S_c = u_c + Σ_{neighbours j, d ≤ R} u_j / (1 + d) (ring distance is symmetric).
  const score = Float64Array.from(recent);
  let scoreTotal = 0;
  for (let c = 0; c < cells; c++) {
    const end = offsets[c + 1];
    let s = score[c];
    for (let n = offsets[c]; n < end; n++) {
      const d = ring[n];
      if (d <= rings) s += recent[index[n]] / (1 + d);
    }
    score[c] = s;
    scoreTotal += s;
  }
  const scale = total / periods / scoreTotal;
  for (let c = 0; c < cells; c++) out[c] = score[c] * scale;
  return out;
}

/**
 * Prospective hotspotting (Bowers, Johnson & Pease 2004, "Prospective hot-spotting: the
 * future of crime mapping?", British Journal of Criminology 44(5)): each past incident raises
 * the risk of nearby cells in the near future, with weight 1/((1 + d)(1 + t)) for ring
 * distance d ≤ `rings` and t < `periods` periods before the cutoff (t = 0: the last training
 * period). The risk score is calibrated into expected counts by rescaling its total to the
 * mean total per period of the same `periods` periods, so count metrics are meaningful;
 * hotspot metrics use only its ranking. Time is measured in periods, so the decay per day is
 * faster on a daily panel than on a weekly one; Bowers et al. counted weeks.
 *
 * minHistory `periods` (fit throws on fewer). A cell with no incident nearby (within `rings`)
 * in the last `periods` periods is forecast 0; a window with no incident at all gives 0
 * everywhere. Name: `prospective(rings=2, periods=8)`.
 * @example prospective({ rings: 1, periods: 2 }) on two adjacent cells with counts
 *   [[2, 0], [1, 0]] → predict(1) = [1, 0.5]  (S = [2, 1], mean total 1.5)
 */
export function prospective({ rings, periods }: { rings: number; periods: number }): Forecaster {
  if (!Number.isInteger(rings) || rings < 0 || rings > MAX_PROSPECTIVE_RINGS) {
    throw new RangeError(`prospective: rings must be a whole number from 0 to ${MAX_PROSPECTIVE_RINGS}, got ${rings}`);
  }
  if (!Number.isInteger(periods) || periods < 1) throw new RangeError(`prospective: periods must be a whole number ≥ 1, got ${periods}`);
  return baselineForecaster({
    name: `prospective(rings=${rings}, periods=${periods})`,
    minHistory: periods,
    neighbourRings: rings,
    fit: (history) => {
      const { offsets, index, ring } = history.neighbours;
      return prospectiveLevel(history.counts, history.cells.length, periods, offsets, index, ring, rings);
    },
    predict: flatForecast,
  });
}

/** Model definition of `prospective`; `periods = 0` picks the span from the bucket (`PROSPECTIVE_PERIODS`). */
export const PROSPECTIVE: ModelDefinition = {
  id: 'prospective',
  label: 'Prospective hotspots',
  kind: 'baseline',
  summary: 'Recent incidents raise nearby risk, decaying as 1/((1 + rings)(1 + periods ago)) (Bowers et al. 2004).',
  params: [
    {
      name: 'rings',
      label: 'Spatial bandwidth',
      type: 'integer',
      default: 2,
      min: 0,
      max: MAX_PROSPECTIVE_RINGS,
      doc: 'Farthest H3 ring an incident raises the risk of, in rings; 0 = its own cell only.',
    },
    autoPeriodsParam({ name: 'periods', label: 'Temporal bandwidth', what: 'Recent periods whose incidents count', table: PROSPECTIVE_PERIODS }),
  ],
  autoPeriods: [{ name: 'periods', byBucket: PROSPECTIVE_PERIODS, shrinks: true }],
  create: (params, context) =>
    prospective({
      rings: Number(params.rings ?? 2),
      periods: autoPeriods(Number(params.periods ?? 0), context.bucket.unit, PROSPECTIVE_PERIODS),
    }),
};
