// The report's `exposure` section (types only): who gets flagged, per selection and coverage.

/** A per-fold measure summarised over folds: mean and 95 % block-bootstrap interval (`foldInterval`). */
export interface ExposureInterval {
  readonly mean: number;
  readonly lo: number;
  readonly hi: number;
  /** Folds with a value (NaN folds left out). */
  readonly n: number;
}

/** One selection's exposure and concentration at one coverage level. */
export interface ExposureAtCoverage {
  /** Per group (in `ReportExposure.groups` order): its share of the flagged population-periods. */
  readonly share: readonly ExposureInterval[];
  /** Per group: exposure share / population share (1 = flagged in proportion to where the group lives). */
  readonly ratio: readonly ExposureInterval[];
  /** Per group: exposure share / share of recorded incidents (1 = flagged in proportion to the incidents recorded where it lives). */
  readonly ratioToIncidents: readonly ExposureInterval[];
  /** Share of flags on cells flagged in ≥ 80 % of the tested periods (whole backtest; no interval). */
  readonly persistence: number;
  /** Gini coefficient of flag counts over the study-region cells (whole backtest). */
  readonly gini: number;
  /** Region cells flagged at least once (wholly or in a shared tie; random selection: expected). */
  readonly distinctCells: number;
  /** Region cells flagged whole at least once (random selection: expected). */
  readonly distinctWhole: number;
}

/** A model, the hindsight oracle or random selection. */
export interface ExposureSelection {
  readonly name: string;
  readonly kind: 'model' | 'hindsight' | 'random';
  /** Keyed by coverage ('0.05', as `coverageKey`). */
  readonly coverage: Readonly<Record<string, ExposureAtCoverage>>;
}

/** The report's exposure section: who the flags fall on, against population and recorded incidents. */
export interface ReportExposure {
  /** The area file the groups came from. */
  readonly source: string;
  /** How the area attributes were apportioned to cells (the area reader's sentence). */
  readonly method: string;
  /** The population groups, as named in the area file (untrusted text). */
  readonly groups: readonly string[];
  /** Each group's population in the study region (apportioned). */
  readonly population: readonly number[];
  /** Each group's share of the groups' population in the study region (sums to 1). */
  readonly populationShare: readonly number[];
  /** Σ groups / total column over the study region (1 when the groups make up the total). */
  readonly groupsOfTotal: number;
  /** Each group's share of the recorded incidents in the folds' test spans, per fold then over folds. */
  readonly incidentShare: readonly ExposureInterval[];
  /** Share of the region's test-span incidents in cells without any group population (assigned to no group). */
  readonly unassignedIncidents: number;
  /** Study-region cells, and those with some group population. */
  readonly regionCells: number;
  readonly populatedCells: number;
  /** Study-region cells the area file does not cover at all (population 0), and the area-weighted covered share of the region. */
  readonly uncoveredCells: number;
  readonly coveredShare: number;
  readonly coverage: readonly number[];
  /** Tested fold-steps T (folds × horizon) behind persistence and concentration. */
  readonly steps: number;
  /** How flags are counted, how ties are treated, and what random selection and the oracle are (sentences). */
  readonly rule: string;
  /** What these numbers can and cannot show, with sources. */
  readonly caveat: string;
  readonly sources: readonly string[];
  /** The models in report order, then the hindsight oracle, then random selection. */
  readonly selections: readonly ExposureSelection[];
}
