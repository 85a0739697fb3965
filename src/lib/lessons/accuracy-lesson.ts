import { flagScores, type FlagScores } from '../evaluate/flag-scores';
import { protocolOf } from '../evaluate/protocol';
import { runForecasts } from '../evaluate/run-forecasts';
import { BASELINES } from '../forecast/baselines';
import { createModel } from '../forecast/model-definition';
import type { Panel } from '../grid/panel';
import { regionFromCells, studyRegion } from '../grid/study-region';
import { knownWorld } from '../simulate/known-world';
import { patchGeometry } from '../simulate/patch-geometry';
import type { LessonRunner } from './lesson-context';

/** Which forecasts the accuracy lesson scores. */
export interface AccuracyLessonInput {
  /** 'data': the binned panel (the sample or the user's data); 'sparse': a sparse simulated world on its cells. */
  readonly source: 'data' | 'sparse';
  /** Seed of the sparse world. */
  readonly seed: number;
}

/** One way of flagging cells, scored at every coverage. */
export interface AccuracyRow extends FlagScores {
  readonly id: 'nothing' | 'naive' | 'model';
}

/** The same forecasts scored five ways. */
export interface AccuracyLessonOutput {
  /** What was scored: the binned data, a sparse simulated world, or (no data binned) a sparse world on a made-up patch. */
  readonly source: 'data' | 'sparse' | 'patch';
  readonly cells: number;
  readonly folds: number;
  readonly bucket: string;
  /** Share of the region's test cell-periods with at least one incident. */
  readonly baseRate: number;
  /** The coverages scored: 0 (nothing flagged) and 1 % … 30 %. */
  readonly coverage: Float64Array;
  /** Flag nothing; flag the top c % by last period (naive); flag the top c % by the historic average. */
  readonly rows: readonly AccuracyRow[];
}

/** Folds of the accuracy lesson: one-period-ahead forecasts at 26 cutoffs. */
export const ACCURACY_FOLDS = 26;
/** Incidents per cell and period in the sparse world (about one cell-period in twenty has an incident). */
export const SPARSE_RATE = 0.05;

/**
 * The `accuracy` lesson: one-period-ahead naive and historic-average forecasts at 26 cutoffs
 * (`runForecasts`) on the binned panel or on a sparse simulated world (`knownWorld`), each scored
 * with accuracy, hit rate, precision, PAI and AUC at coverages 0–30 % (`flagScores`), next to
 * flagging nothing. The data's study region is the backtest's (cells with an incident before the
 * first cutoff); a simulated world's is all its cells.
 */
export const accuracyLesson: LessonRunner<AccuracyLessonInput, AccuracyLessonOutput> = async (input, context) => {
  context.progress('Forecasting', 0, 2);
  const simulated = input.source === 'sparse' || !context.panel;
  const panel: Panel = simulated
    ? knownWorld(context.panel ?? patchGeometry({ rings: 10, periods: 156 }), {
        meanRate: SPARSE_RATE,
        concentration: 1.2,
        yearly: 0.25,
        weekly: 0.2,
        noise: 0.3,
        excitation: 0.2,
        reporting: 1,
        reportingSpread: 0,
        seed: input.seed,
      }).panel
    : context.panel!;
  const protocol = protocolOf({ horizon: 1, folds: ACCURACY_FOLDS, validation: 0, coverage: [0.05] });
  const context0 = { res: panel.res, bucket: panel.bucket };
  const ids = ['naive', 'historic-average'] as const;
  const set = await runForecasts(
    panel,
    protocol,
    ids.map((id) => () => createModel({ id, params: {} }, BASELINES, context0)),
    { signal: context.signal },
  );
  context.progress('Scoring', 1, 2);
  const C = panel.cells.length;
  const region = simulated ? regionFromCells(panel, panel.cells) : (context.region ?? studyRegion(panel, set.cutoffs[0]));
  const actuals = set.cutoffs.map((cutoff) => panel.counts.subarray(cutoff * C, (cutoff + 1) * C));
  const coverage = [0, ...Array.from({ length: 30 }, (_, i) => (i + 1) / 100)];
  const stepsOf = (values: Float32Array): Float32Array[] => set.cutoffs.map((_, k) => values.subarray(k * C, (k + 1) * C));
  const nothing = flagScores(
    actuals.map(() => new Float32Array(C)),
    actuals,
    panel.area,
    region.mask,
    [0],
  );
  const rows: AccuracyRow[] = [
    { id: 'nothing', ...nothing },
    { id: 'naive', ...flagScores(stepsOf(set.models[0].values), actuals, panel.area, region.mask, coverage) },
    { id: 'model', ...flagScores(stepsOf(set.models[1].values), actuals, panel.area, region.mask, coverage) },
  ];
  context.progress('Done', 2, 2);
  return {
    source: simulated ? (context.panel ? 'sparse' : 'patch') : 'data',
    cells: region.cells,
    folds: set.cutoffs.length,
    bucket: panel.bucket.unit,
    baseRate: rows[2].baseRate,
    coverage: Float64Array.from(coverage),
    rows,
  };
};
