import type { AreaAttributes } from '../../areas/area-attributes';
import type { Panel } from '../../grid/panel';
import type { StudyRegion } from '../../grid/study-region';
import { hotspotCut, hotspotRanking } from '../metrics/hotspot-ranking';
import { coverageKey } from '../metric-catalogue';
import type { ForecastSet } from '../run-forecasts';
import { foldInterval } from '../uncertainty';
import { flagConcentration, type FlagConcentration } from './flag-concentration';
import { groupComposition, type GroupComposition } from './group-composition';
import { groupExposure, groupIncidents, sharesOf } from './group-exposure';
import { randomConcentration } from './random-concentration';
import type { ExposureAtCoverage, ExposureInterval, ExposureSelection, ReportExposure } from './report-exposure';
import { EXPOSURE_CAVEAT, EXPOSURE_RULE, EXPOSURE_SOURCES } from './exposure-text';

/** Fewest folds that get an interval, as for the report's metrics (`summariseScores`). */
const MIN_FOLDS_FOR_INTERVAL = 5;

/** What `exposureOfRun` needs: the panel, region and stored forecasts of a backtest, and the area attributes. */
export interface ExposureInput {
  readonly panel: Pick<Panel, 'cells' | 'area' | 'counts'>;
  readonly region: Pick<StudyRegion, 'mask'>;
  readonly forecasts: Pick<ForecastSet, 'cutoffs' | 'horizon' | 'models'>;
  readonly coverage: readonly number[];
  readonly areas: AreaAttributes;
  /** Seed of the fold intervals (the protocol's), so the same run gives the same report. */
  readonly seed: number;
}

/**
 * Who gets flagged: for every model, the hindsight oracle and random selection, at every
 * coverage level, each population group's share of the flagged population-periods against its
 * share of the population and of the recorded incidents, per fold and then over folds with
 * `foldInterval`; and, over the whole backtest, the persistence and concentration of flags.
 *
 * Per fold k and coverage c, with w_ct the flag weight of cell c at test step t (`HOTSPOT_RULE`:
 * 1 whole, s in a shared tie at the boundary), n_gc group g's population in cell c, N_c = Σ_g n_gc
 * and y_ct the recorded incidents:
 * - exposure share X_g = Σ_t Σ_c w_ct n_gc / Σ_g' Σ_t Σ_c w_ct n_g'c (Σ_g X_g = 1);
 * - population share P_g = Σ_{c ∈ region} n_gc / Σ_{c ∈ region} N_c;
 * - incident share I_g = Σ_t Σ_{c ∈ region, N_c > 0} y_ct n_gc / N_c, normalised over groups;
 * - ratio X_g / P_g (1 = flagged in proportion to where the group lives) and X_g / I_g
 *   (1 = in proportion to the incidents recorded where it lives).
 * Hindsight oracle: cells ranked by the incidents that did happen in the step, same rule and area.
 * Random selection: every region cell flagged with probability c, so X_g = P_g exactly;
 * persistence and concentration from `randomConcentration`. Models' from `flagConcentration`.
 * Cells are matched to the area attributes by H3 index, so no result depends on the order of
 * cells or polygons. The measures follow the exposure audits of The Markup (2021) in spirit;
 * see `EXPOSURE_CAVEAT` for what they cannot show.
 */
export function exposureOfRun(input: ExposureInput): ReportExposure {
  const { panel, region, forecasts, coverage, areas, seed } = input;
  const C = panel.cells.length;
  const { cutoffs, horizon } = forecasts;
  const K = cutoffs.length;
  const J = coverage.length;
  const composition = groupComposition(panel.cells, areas);
  const G = composition.names.length;
  const mask = region.mask;

  const population = new Float64Array(G);
  let groupsSum = 0;
  let totalSum = 0;
  let regionCells = 0;
  let populatedCells = 0;
  let uncoveredCells = 0;
  let regionArea = 0;
  let coveredArea = 0;
  for (let c = 0; c < C; c++) {
    if (mask[c] !== 1) continue;
    regionCells++;
    if (composition.sum[c] > 0) populatedCells++;
    if (!(composition.covered[c] > 0)) uncoveredCells++;
    regionArea += panel.area[c];
    coveredArea += panel.area[c] * Math.min(1, composition.covered[c]);
    composition.population.forEach((values, g) => (population[g] += values[c]));
    groupsSum += composition.listed[c];
    totalSum += composition.total[c];
  }
  const populationShare = sharesOf(population);

  const incidents = new Float64Array(K * G);
  let unassigned = 0;
  let regionIncidents = 0;
  for (let k = 0; k < K; k++) {
    for (let s = 0; s < horizon; s++) {
      const y = panel.counts.subarray((cutoffs[k] + s) * C, (cutoffs[k] + s + 1) * C);
      unassigned += groupIncidents(y, mask, composition, incidents.subarray(k * G, (k + 1) * G)).unassigned;
      for (let c = 0; c < C; c++) if (mask[c] === 1) regionIncidents += y[c];
    }
  }
  const incidentShares = Array.from({ length: K }, (_, k) => sharesOf(incidents.subarray(k * G, (k + 1) * G)));
  const interval = (values: ArrayLike<number>): ExposureInterval => {
    const { mean, lo, hi, n } = foldInterval(values, { seed, minFolds: MIN_FOLDS_FOR_INTERVAL });
    return { mean, lo, hi, n };
  };

  const summarise = (tally: SelectionTally, concentration: (j: number) => FlagConcentration): Record<string, ExposureAtCoverage> =>
    Object.fromEntries(
      coverage.map((c, j) => {
        const shares = Array.from({ length: K }, (_, k) => sharesOf(tally.exposure.subarray((k * J + j) * G, (k * J + j + 1) * G)));
        const perGroup = (value: (k: number, g: number) => number): ExposureInterval[] =>
          Array.from({ length: G }, (_, g) => interval(Array.from({ length: K }, (_, k) => finiteOrNaN(value(k, g)))));
        return [
          coverageKey(c),
          {
            share: perGroup((k, g) => shares[k][g]),
            ratio: perGroup((k, g) => shares[k][g] / populationShare[g]),
            ratioToIncidents: perGroup((k, g) => shares[k][g] / incidentShares[k][g]),
            ...concentration(j),
          },
        ];
      }),
    );

  const ranked = (score: (k: number, s: number) => ArrayLike<number>): SelectionTally =>
    tallySelection(K, horizon, C, coverage, composition, (k, s) => {
      const ranking = hotspotRanking(score(k, s), panel.area, mask);
      return coverage.map((level) => {
        const cut = hotspotCut(ranking, level);
        const weights = new Float64Array(C);
        for (let r = 0; r < cut.cells; r++) weights[ranking.order[r]] = 1;
        for (let r = cut.cells; r < cut.end; r++) weights[ranking.order[r]] = cut.share;
        return weights;
      });
    });
  const observed = (tally: SelectionTally) => (j: number) =>
    flagConcentration(
      tally.flags.subarray(j * C, (j + 1) * C),
      tally.whole.subarray(j * C, (j + 1) * C),
      tally.any.subarray(j * C, (j + 1) * C),
      K * horizon,
      mask,
    );

  const selections: ExposureSelection[] = forecasts.models.map((model) => {
    const tally = ranked((k, s) => model.values.subarray((k * horizon + s) * C, (k * horizon + s + 1) * C));
    return { name: model.name, kind: 'model', coverage: summarise(tally, observed(tally)) };
  });
  const hindsight = ranked((k, s) => panel.counts.subarray((cutoffs[k] + s) * C, (cutoffs[k] + s + 1) * C));
  selections.push({ name: 'hindsight oracle', kind: 'hindsight', coverage: summarise(hindsight, observed(hindsight)) });
  const uniform = coverage.map((level) => Float64Array.from(mask, (m) => (m === 1 ? level : 0)));
  const random = tallySelection(K, horizon, C, coverage, composition, () => uniform);
  selections.push({
    name: 'random selection',
    kind: 'random',
    coverage: summarise(random, (j) => randomConcentration(K * horizon, coverage[j], Math.max(1, regionCells))),
  });

  return {
    source: areas.source,
    method: areas.method,
    groups: composition.names,
    population: Array.from(population),
    populationShare: Array.from(populationShare),
    groupsOfTotal: totalSum > 0 ? groupsSum / totalSum : Number.NaN,
    incidentShare: Array.from({ length: G }, (_, g) => interval(incidentShares.map((shares) => shares[g]))),
    unassignedIncidents: regionIncidents > 0 ? unassigned / regionIncidents : Number.NaN,
    regionCells,
    populatedCells,
    uncoveredCells,
    coveredShare: regionArea > 0 ? coveredArea / regionArea : Number.NaN,
    coverage: [...coverage],
    steps: K * horizon,
    rule: EXPOSURE_RULE,
    caveat: EXPOSURE_CAVEAT,
    sources: EXPOSURE_SOURCES,
    selections,
  };
}

/** One selection's running sums over a backtest. */
interface SelectionTally {
  /** `exposure[(k * J + j) * G + g]`: group g's flagged population summed over fold k's steps at coverage j. */
  readonly exposure: Float64Array;
  /** `flags[j * C + c]`: Σ over every fold-step of cell c's flag weight at coverage j. */
  readonly flags: Float64Array;
  /** 1 where the cell was flagged whole at least once / flagged in any share at least once. */
  readonly whole: Uint8Array;
  readonly any: Uint8Array;
}

/** Runs a selection (flag weights per coverage for each fold-step) over the backtest and sums what the measures need. */
function tallySelection(
  K: number,
  horizon: number,
  C: number,
  coverage: readonly number[],
  composition: GroupComposition,
  weightsAt: (k: number, s: number) => readonly Float64Array[],
): SelectionTally {
  const J = coverage.length;
  const G = composition.names.length;
  const tally: SelectionTally = {
    exposure: new Float64Array(K * J * G),
    flags: new Float64Array(J * C),
    whole: new Uint8Array(J * C),
    any: new Uint8Array(J * C),
  };
  for (let k = 0; k < K; k++) {
    for (let s = 0; s < horizon; s++) {
      const weights = weightsAt(k, s);
      for (let j = 0; j < J; j++) {
        const w = weights[j];
        groupExposure(w, composition, tally.exposure.subarray((k * J + j) * G, (k * J + j + 1) * G));
        for (let c = 0; c < C; c++) {
          if (!(w[c] > 0)) continue;
          tally.flags[j * C + c] += w[c];
          tally.any[j * C + c] = 1;
          if (w[c] === 1) tally.whole[j * C + c] = 1;
        }
      }
    }
  }
  return tally;
}

/** x when finite, else NaN (a ratio over a zero share is undefined, not infinite). */
function finiteOrNaN(x: number): number {
  return Number.isFinite(x) ? x : Number.NaN;
}
