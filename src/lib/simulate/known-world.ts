import { random } from '../base/random';
import { edgeLengthAt } from '../grid/h3';
import { neighbours, type Neighbours } from '../grid/neighbours';
import type { Panel } from '../grid/panel';
import { cycleMean } from './cycle-mean';
import { gammaDraw } from './gamma-draw';
import { riskSurface } from './risk-surface';

/** Where and when a world is simulated: a panel's cells and periods without its counts. */
export type WorldGeometry = Pick<Panel, 'res' | 'bucket' | 'cells' | 'area' | 'periods' | 'end'>;

/** The knobs of a known-truth world (`knownWorld`). */
export interface WorldOptions {
  /** Mean true incidents per cell and period, before under-reporting (> 0). */
  readonly meanRate: number;
  /** Hotspot concentration s: the standard deviation of log background risk across cells (0 = every cell alike). */
  readonly concentration: number;
  /** Amplitude a of the yearly cycle (peak mid-July), 0 ≤ a < 1. */
  readonly yearly: number;
  /** Amplitude b of the weekly cycle (peak Saturday noon), 0 ≤ b < 1; a week-long period averages it out. */
  readonly weekly: number;
  /** Unpredictable noise: the coefficient of variation of a Gamma shock on each cell-period's background (0 = plain Poisson). */
  readonly noise: number;
  /** Self-excitation η: expected offspring per incident (branching ratio), 0 ≤ η < 1. */
  readonly excitation: number;
  /** Mean recording probability r̄ ∈ (0, 1]: the share of true incidents that are recorded, on the logit scale's centre. */
  readonly reporting: number;
  /** Spread of recording across areas: the standard deviation of logit(recording probability) across cells (0 = the same everywhere). */
  readonly reportingSpread: number;
  readonly seed: number;
}

/** A simulated world: what the analyst sees (recorded counts) and what only the simulation knows. */
export interface World {
  /** Recorded counts on the geometry's cells and periods: what models are fitted on and scored against. */
  readonly panel: Panel;
  /** True incidents per cell-period, recorded or not (same layout as `panel.counts`). */
  readonly trueCounts: Float32Array;
  /**
   * The oracle's forecast: the expected recorded count of each cell-period given everything
   * before it, rᶜ·λ(c, p) (the Gamma shock and the draws are the unpredictable part).
   */
  readonly intensity: Float32Array;
  /** Relative background risk of each cell, exp(s·zᶜ) scaled to mean 1. */
  readonly risk: Float64Array;
  /** Recording probability rᶜ of each cell. */
  readonly recording: Float64Array;
  /** Seasonal factor of each period (`cycleMean`). */
  readonly season: Float64Array;
}

/** Self-excitation's time kernel: the share of an incident's offspring 1, 2 and 3 periods later. */
export const EXCITATION_LAGS: readonly number[] = [0.5, 0.3, 0.2];

/**
 * Simulates incidents with a known intensity on real geography (the cells and periods of a
 * binned panel, or `hexPatch` cells), seeded. True incidents in cell c, period p are
 * Poisson(μ·bᶜ·sₚ·Gᶜₚ + η·Σₖ wₖ·(½·N(c, p−k) + 1/12·Σⱼ N(j, p−k))) with
 * - μ = meanRate·(1 − η), so the long-run mean stays near `meanRate` whatever η (the
 *   self-exciting process's stationary mean μ/(1 − η); offspring leaving the map lower it a little);
 * - bᶜ = exp(s·zᶜ)/mean, zᶜ a smooth standardised surface (`riskSurface`: hotspots a few cells wide);
 * - sₚ the period's mean of the yearly × weekly cycle (`cycleMean`);
 * - Gᶜₚ ~ Gamma with mean 1 and coefficient of variation `noise` (overdispersion no forecast can know);
 * - self-excitation (near repeats, Johnson & Bowers 2004; Mohler et al. 2011): each incident
 *   has η offspring in expectation, spread over the next periods by `EXCITATION_LAGS`, half in its
 *   own cell and half shared among its six neighbours (j ranges over the k = 1 neighbours).
 * Each true incident is recorded with probability rᶜ = logistic(logit(r̄) + spread·z′ᶜ), z′ another
 * smooth surface: under-reporting that varies by area. The surfaces depend on the seed only, so
 * moving a slider keeps the hotspots where they are.
 * @example knownWorld(geometry, { meanRate: 1, concentration: 0, yearly: 0, weekly: 0, noise: 0, excitation: 0, reporting: 1, reportingSpread: 0, seed: 1 }).intensity[0] // → 1
 */
export function knownWorld(geometry: WorldGeometry, options: WorldOptions): World {
  assertOptions(options);
  const { cells, periods } = geometry;
  const C = cells.length;
  const P = periods.length;
  const edgeKm = edgeLengthAt(geometry.res) / 1000;
  const bumps = Math.max(4, Math.round(C / 25));
  const riskZ = riskSurface(cells, random(options.seed), { bumps, width: 4 * edgeKm });
  const recordZ = riskSurface(cells, random(options.seed + 7919), { bumps, width: 8 * edgeKm });
  const risk = Float64Array.from(riskZ, (z) => Math.exp(options.concentration * z));
  const meanRisk = risk.reduce((s, v) => s + v, 0) / Math.max(1, C);
  for (let c = 0; c < C; c++) risk[c] /= meanRisk;
  const centre = Math.log(options.reporting / (1 - options.reporting + 1e-12));
  const recording = Float64Array.from(recordZ, (z) =>
    options.reporting >= 1 && options.reportingSpread === 0 ? 1 : 1 / (1 + Math.exp(-(centre + options.reportingSpread * z))),
  );
  const season = Float64Array.from(periods, (t, p) => cycleMean(options.yearly, options.weekly, t, p + 1 < P ? periods[p + 1] : geometry.end));
  const adjacency = options.excitation > 0 ? neighboursOf(cells) : null;
  const mu = options.meanRate * (1 - options.excitation);
  const shape = options.noise > 0 ? 1 / (options.noise * options.noise) : 0;
  const rng = random(options.seed + 104_729);
  const trueCounts = new Float32Array(P * C);
  const counts = new Float32Array(P * C);
  const intensity = new Float32Array(P * C);
  // spread[p * C + c] = ½·N(c, p) + 1/12·Σ_neighbours N(j, p): what period p's incidents pass on to cell c.
  const spread = adjacency ? new Float64Array(P * C) : null;
  for (let p = 0; p < P; p++) {
    for (let c = 0; c < C; c++) {
      const background = mu * risk[c] * season[p];
      let excited = 0;
      if (spread) {
        for (let k = 1; k <= EXCITATION_LAGS.length && p - k >= 0; k++) excited += EXCITATION_LAGS[k - 1] * spread[(p - k) * C + c];
        excited *= options.excitation;
      }
      const i = p * C + c;
      intensity[i] = recording[c] * (background + excited);
      const shock = shape > 0 ? gammaDraw(rng, shape) : 1;
      const n = rng.poisson(background * shock + excited);
      trueCounts[i] = n;
      let kept = 0;
      for (let e = 0; e < n; e++) if (rng.next() < recording[c]) kept++;
      counts[i] = kept;
    }
    if (spread && adjacency) {
      for (let c = 0; c < C; c++) {
        const n = trueCounts[p * C + c];
        if (n === 0) continue;
        spread[p * C + c] += 0.5 * n;
        for (let j = adjacency.offsets[c]; j < adjacency.offsets[c + 1]; j++) spread[p * C + adjacency.index[j]] += n / 12;
      }
    }
  }
  const panel: Panel = { res: geometry.res, bucket: geometry.bucket, cells, area: geometry.area, periods, end: geometry.end, counts };
  return { panel, trueCounts, intensity, risk, recording, season };
}

function assertOptions(o: WorldOptions): void {
  const check = (name: string, value: number, ok: boolean, expected: string): void => {
    if (!ok || !Number.isFinite(value)) throw new RangeError(`knownWorld: ${name} must be ${expected}, got ${value}`);
  };
  check('meanRate', o.meanRate, o.meanRate > 0, '> 0');
  check('concentration', o.concentration, o.concentration >= 0, '≥ 0');
  check('yearly', o.yearly, o.yearly >= 0 && o.yearly < 1, 'in [0, 1)');
  check('weekly', o.weekly, o.weekly >= 0 && o.weekly < 1, 'in [0, 1)');
  check('noise', o.noise, o.noise >= 0, '≥ 0');
  check('excitation', o.excitation, o.excitation >= 0 && o.excitation < 1, 'in [0, 1)');
  check('reporting', o.reporting, o.reporting > 0 && o.reporting <= 1, 'in (0, 1]');
  check('reportingSpread', o.reportingSpread, o.reportingSpread >= 0, '≥ 0');
}

/** k = 1 neighbour lists by cell list: a lesson re-simulates on the same panel's cells at every slider move. */
const NEIGHBOURS = new WeakMap<readonly string[], Neighbours>();

function neighboursOf(cells: readonly string[]): Neighbours {
  let found = NEIGHBOURS.get(cells);
  if (!found) {
    found = neighbours(cells, 1);
    NEIGHBOURS.set(cells, found);
  }
  return found;
}
