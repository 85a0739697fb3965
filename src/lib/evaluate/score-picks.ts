import { flagWeights } from './metrics/flag-weights';
import { hotspotScores } from './metrics/hotspot-scores';
import type { Forecaster } from '../forecast/forecaster';
import { historyOf } from '../forecast/history';
import { neighbours } from '../grid/neighbours';
import type { Panel } from '../grid/panel';
import { restrictPanel } from '../grid/restrict-panel';
import { firstIncidentPeriods, modelUniverse } from './model-universe';

/** Options of `scorePicks`. */
export interface ScorePicksOptions {
  readonly panel: Panel;
  /** The study region: 1 for a cell in it (from data before the cutoff, or a declared boundary), 0 otherwise. */
  readonly region: Uint8Array;
  /** Index of the period being forecast: everything fitted sees periods [0, cutoff) only. */
  readonly cutoff: number;
  /** Indexes of the cells someone picked (a hand-made hotspot map). */
  readonly picks: ArrayLike<number>;
  /** c: the share of the region's area flagged, the same for every entry. */
  readonly coverage: number;
  /** The models to compare, each with the label shown (fitted on the cells with an incident before the cutoff, plus the region's). */
  readonly models: readonly { readonly label: string; readonly create: () => Forecaster }[];
}

/** One entry's score on the cutoff period. */
export interface PickScore {
  readonly label: string;
  readonly kind: 'picks' | 'model' | 'oracle' | 'random';
  /** n: incidents in the flagged area (fractional where a tied group is flagged in part). */
  readonly captured: number;
  /** n/N. */
  readonly hitRate: number;
  /** (n/N)/c. */
  readonly pai: number;
  /** The share of each panel cell flagged (`flagWeights`: 1 whole, s for a tied cell at the boundary). */
  readonly flags: Float64Array;
}

/** The comparison of `scorePicks`. */
export interface PickContest {
  readonly coverage: number;
  /** N: incidents in the cutoff period, in every panel cell (inside the region or not). */
  readonly total: number;
  readonly scores: readonly PickScore[];
}

/**
 * Scores a hand-picked set of cells on one period against models fitted before it, the
 * hindsight oracle and random selection, all by the core's hotspot rule at the same coverage c
 * (`hotspotScores`, `HOTSPOT_RULE`). The picks are the forecast 1 on picked region cells and 0
 * elsewhere: when they cover less than c·A the rest of c·A is shared by the unpicked cells (the
 * tied group at the boundary), which is what spending the unused area at random earns on average;
 * when they cover more (H3 cells differ a little in area), they share the boundary. Models are
 * fitted on the periods before `cutoff` and on the model universe of that cutoff only (cells with
 * an incident before it, and the region's cells), and forecast 0 elsewhere, as in the backtest.
 * The oracle is the best any area of c·A could do in hindsight, n* (PEI*'s denominator): its flags
 * are the cells by incidents per m², highest first. Random selection is the constant forecast
 * (every cell tied), whose score under the rule is exactly its expectation: c × the region's share of N.
 * Hit rate n/N and PAI (n/N)/c as in Chainey, Tompson & Uhlig (2008), *Security Journal* 21:4–28.
 * Throws when `cutoff` leaves no period before it or none to score, or a pick is not a panel cell index.
 * @example scorePicks({ panel, region, cutoff: 10, picks: [3], coverage: 0.25, models: [] }).scores[0].hitRate
 *   // → the share of period 10's incidents in cell 3 (when cell 3 is a quarter of the region)
 */
export function scorePicks(options: ScorePicksOptions): PickContest {
  const { panel, region, cutoff, picks, coverage } = options;
  const C = panel.cells.length;
  const P = panel.periods.length;
  if (!Number.isInteger(cutoff) || cutoff < 1 || cutoff >= P)
    throw new RangeError(`scorePicks: the cutoff must be a period index from 1 to ${P - 1}, got ${cutoff}`);
  if (region.length !== C) throw new RangeError(`scorePicks: the region mask has ${region.length} entries; the panel has ${C} cells`);
  const actual = panel.counts.subarray(cutoff * C, (cutoff + 1) * C);
  const score = (label: string, kind: PickScore['kind'], forecast: ArrayLike<number>): PickScore => {
    const [s] = hotspotScores(forecast, actual, panel.area, region, [coverage]);
    return { label, kind, captured: s.captured, hitRate: s.hitRate, pai: s.pai, flags: flagWeights(forecast, panel.area, region, coverage) };
  };
  const picked = new Float64Array(C);
  for (let i = 0; i < picks.length; i++) {
    const c = picks[i];
    if (!Number.isInteger(c) || c < 0 || c >= C) throw new RangeError(`scorePicks: pick ${i} is ${c}, not a cell index from 0 to ${C - 1}`);
    picked[c] = 1;
  }
  const scores: PickScore[] = [score('Your picks', 'picks', picked)];
  const universe = modelUniverse(firstIncidentPeriods(panel), cutoff, region);
  const seen = restrictPanel(panel, universe);
  const made = options.models.map((model) => ({ ...model, forecaster: model.create() }));
  const lists = neighbours(seen.cells, Math.max(0, ...made.map((m) => m.forecaster.neighbourRings ?? 0)));
  for (const { label, forecaster } of made) {
    const fitting = forecaster.fit(historyOf(seen, lists, cutoff), { seed: 1, validation: 0 });
    if (fitting instanceof Promise) throw new Error(`scorePicks: '${forecaster.name}' fits asynchronously; give a baseline`);
    const step = forecaster.predict(1);
    forecaster.dispose?.();
    const forecast = new Float64Array(C);
    universe.forEach((c, u) => (forecast[c] = step[u]));
    scores.push(score(label, 'model', forecast));
  }
  const [best] = hotspotScores(actual, actual, panel.area, region, [coverage]);
  const density = Float64Array.from(actual, (y, c) => y / panel.area[c]);
  const oracleHit = best.total > 0 ? best.hindsight / best.total : Number.NaN;
  scores.push({
    label: 'Hindsight (the best possible)',
    kind: 'oracle',
    captured: best.hindsight,
    hitRate: oracleHit,
    pai: oracleHit / coverage,
    flags: flagWeights(density, panel.area, region, coverage),
  });
  scores.push(score('Random cells (on average)', 'random', new Float64Array(C).fill(1)));
  let total = 0;
  for (let c = 0; c < C; c++) total += actual[c];
  return { coverage, total, scores };
}
