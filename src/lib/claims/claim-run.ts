import type { ForecastSet } from '../evaluate/run-forecasts';
import type { Panel } from '../grid/panel';
import type { StudyRegion } from '../grid/study-region';

/** What a claim is checked on: a finished backtest (the pipeline's `RunOutcome` is one). */
export interface ClaimRun {
  readonly panel: Panel;
  readonly forecasts: ForecastSet;
  readonly region: StudyRegion;
}

/** A run at other settings, for the terms a claim leaves open: period length or cell size. */
export interface ClaimVariant {
  readonly term: 'period' | 'cells';
  /** How the choice is named: 'day', 'month', 'H3 res 8'. */
  readonly label: string;
  readonly run: ClaimRun;
}
