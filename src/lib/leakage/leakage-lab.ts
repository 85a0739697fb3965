import { backtest, type BacktestInput, type BacktestResult } from '../evaluate/backtest';
import { fitToPanel } from '../evaluate/fit-to-panel';
import type { ResolvedProtocol } from '../evaluate/protocol';
import type { ReportData } from '../evaluate/report';
import { runForecasts, type ForecastSet } from '../evaluate/run-forecasts';
import { scoreForecasts } from '../evaluate/score-forecasts';
import { createModel } from '../forecast/model-definition';
import type { Panel } from '../grid/panel';
import type { StudyRegion } from '../grid/study-region';
import { inflationRows, type LeakageRow } from './inflation';
import { lagRegression, lagRegressionFittedOnAllData, LAG_SPAN } from './lag-regression';
import { MISTAKE_IDS, MISTAKES, type MistakeId, type MistakeInfo } from './mistake-catalogue';
import { seriesOfScores } from './metric-series';
import { randomSplitForecasts } from './random-split-training';
import { regionFromAllData } from './region-from-all-data';
import { scoreOnlyCellsWithIncidents } from './score-only-cells-with-incidents';
import { EWMA_ALPHA, tuningOnTestFolds, WINDOW_AVERAGE_K, type TuningFamily } from './tuning-on-test';
import { cellsWithAnyIncident } from './universe-from-all-data';

export { LEAKAGE_MODELS } from './leakage-defaults';

/** The lab's version; bump it when a field changes meaning or disappears. */
export const LEAKAGE_VERSION = 1;

/** One mistake's outcome: every model and metric it touches, honest next to leaky. */
export interface MistakeResult extends MistakeInfo {
  /** The models the mistake was run on, in words ('the chosen models', 'the lab’s lag regression'). */
  readonly appliesTo: string;
  readonly rows: readonly LeakageRow[];
  /** Why the mistake could not be run on this panel (then `rows` is empty). */
  readonly skipped?: string;
}

/** The whole lab (JSON); Markdown, the CLI's table and the app's bars are renderings of it. */
export interface LeakageLab {
  readonly format: 'hexcast-leakage';
  readonly version: typeof LEAKAGE_VERSION;
  readonly createdAt: string;
  readonly data: Pick<ReportData, 'files' | 'sha256'>;
  readonly panel: { readonly resolution: number; readonly bucket: Panel['bucket']['unit']; readonly cells: number; readonly periods: number };
  readonly studyRegion: { readonly source: StudyRegion['source']; readonly cells: number };
  /** The honest protocol every mistake is compared with (folds settled). */
  readonly protocol: ResolvedProtocol;
  /** The chosen models that ran in the honest backtest. */
  readonly models: readonly string[];
  readonly mistakes: readonly MistakeResult[];
}

/** What the lab needs: a backtest's inputs (the region, when given, is the honest one; a boundary's is also the declared geography). */
export interface LeakageInput extends Pick<BacktestInput, 'panel' | 'protocol' | 'models' | 'definitions' | 'data' | 'region' | 'environment' | 'signal'> {
  /** Called as each part starts: 'honest backtest', then each mistake's title; `done` of `total` parts finished. */
  readonly onStage?: (stage: string, done: number, total: number) => void;
  readonly createdAt?: Date;
  /** The mistakes to run, in the lab's order whatever the order given (default: all six); a lesson asks for one at a time. */
  readonly mistakes?: readonly MistakeId[];
}

/** A finished lab run, with the honest backtest it was compared with. */
export interface LeakageOutcome {
  readonly lab: LeakageLab;
  readonly honest: BacktestResult;
}

/**
 * The leakage lab: runs the honest protocol (`backtest`: rolling origin, tuning on validation
 * periods, every region cell scored, region and model universe from before the cutoff) and next
 * to it each common mistake on the same panel, cutoffs and models, and measures fold by fold how
 * much each flatters every metric (`inflationRow`: paired inflation with a 95 % block-bootstrap
 * interval over folds). The mistakes, each in its own file:
 * 1. `randomSplitForecasts` — a random split of periods instead of rolling origin;
 * 2. `lagRegressionFittedOnAllData` — features and scaler fitted on all data (the lab's lag
 *    regression: the built-in baselines fit nothing of the kind, and the tfjs models fit their
 *    scalers inside `fit`, where no caller can leak into them);
 * 3. `tuningOnTestFolds` — window-average k and ewma α picked on the test folds;
 * 4. `scoreOnlyCellsWithIncidents` — the zeros dropped from scoring;
 * 5. `regionFromAllData` — the study region drawn with test-period data;
 * 6. `cellsWithAnyIncident` — the model universe from all data (future geography).
 * Deterministic for a given protocol seed, like the backtest. `input.mistakes` runs only those
 * (the honest backtest always runs): the same rows as in a full run, sooner.
 */
export async function runLeakageLab(input: LeakageInput): Promise<LeakageOutcome> {
  const { panel, definitions, signal } = input;
  const wanted = (id: MistakeId): boolean => !input.mistakes || input.mistakes.includes(id);
  const total = 1 + MISTAKE_IDS.filter(wanted).length;
  let done = 0;
  const stage = (name: string): void => input.onStage?.(name, done++, total);
  stage('Honest backtest');
  const honest = await backtest({
    panel,
    protocol: input.protocol,
    models: input.models,
    definitions,
    data: input.data,
    region: input.region,
    environment: input.environment,
    signal,
  });
  const { forecasts, scores, region } = honest;
  const protocol = forecasts.protocol;
  const seed = protocol.seed;
  const declared = region.source === 'boundary' ? region.mask : undefined;
  const context = { res: panel.res, bucket: panel.bucket };
  const fitted = fitToPanel(panel.periods.length, input.protocol, input.models, definitions, context);
  const makes = fitted.models.map((spec) => () => createModel(spec, definitions, context));
  const names = forecasts.models.map((m) => m.name);
  const chosen = `the chosen models (${names.join(', ')})`;
  const honestSeries = names.map((_, m) => seriesOfScores(scores, m));
  const compareSets = (leaky: ForecastSet, leakyRegion: StudyRegion = region): LeakageRow[] => {
    const leakyScores = scoreForecasts(panel, leaky, leakyRegion);
    return names.flatMap((name, m) => inflationRows(name, honestSeries[m], seriesOfScores(leakyScores, m), seed));
  };
  const mistakes: MistakeResult[] = [];
  const result = (id: MistakeId, appliesTo: string, rows: LeakageRow[], skipped?: string): void => {
    mistakes.push({ ...MISTAKES[id], appliesTo, rows, ...(skipped && { skipped }) });
  };

  if (wanted('random-split')) {
    stage(MISTAKES['random-split'].title);
    result('random-split', chosen, compareSets(await randomSplitForecasts(panel, forecasts, makes, signal)));
  }

  if (wanted('features-on-all-data')) {
    stage(MISTAKES['features-on-all-data'].title);
    const firstSpan = forecasts.cutoffs[0] - (protocol.window === 'expanding' ? 0 : Math.max(0, forecasts.cutoffs[0] - protocol.window));
    if (firstSpan < LAG_SPAN + 1) {
      result(
        'features-on-all-data',
        'the lab’s lag regression',
        [],
        `the lag regression needs ${LAG_SPAN + 1} training periods; the first fold has ${firstSpan}`,
      );
    } else {
      const run = async (make: () => ReturnType<typeof lagRegression>) =>
        seriesOfScores(scoreForecasts(panel, await runForecasts(panel, protocol, [make], { declared, signal }), region), 0);
      const honestLag = await run(lagRegression);
      const leakyLag = await run(() => lagRegressionFittedOnAllData(panel));
      result(
        'features-on-all-data',
        'the lab’s lag regression (the baselines fit no features or scaler; the tfjs models fit theirs inside fit, on the training span)',
        inflationRows('lag-regression', honestLag, leakyLag, seed),
      );
    }
  }

  if (wanted('tuning-on-test')) {
    stage(MISTAKES['tuning-on-test'].title);
    const tuned = async (family: TuningFamily, model: string): Promise<LeakageRow[]> => {
      const series = await tuningOnTestFolds(panel, protocol, forecasts.cutoffs, region, family, { declared, signal });
      return series.map((s) => inflationRows(model, [s.honest], [s.leaky], seed, () => choiceNote(family, s.testChoice, s.validationChoices))[0]);
    };
    const firstValidation = forecasts.cutoffs[0] - protocol.horizon - Math.max(1, protocol.validation) + 1;
    if (firstValidation < 1) {
      result(
        'tuning-on-test',
        'window-average (k tuned), ewma (α tuned)',
        [],
        `the first fold has no room for ${Math.max(1, protocol.validation)} validation periods`,
      );
    } else {
      result('tuning-on-test', 'window-average (k tuned), ewma (α tuned)', [
        ...(await tuned(WINDOW_AVERAGE_K, 'window-average (k tuned)')),
        ...(await tuned(EWMA_ALPHA, 'ewma (α tuned)')),
      ]);
    }
  }

  if (wanted('zeros-dropped')) {
    stage(MISTAKES['zeros-dropped'].title);
    result(
      'zeros-dropped',
      chosen,
      names.flatMap((name, m) => inflationRows(name, honestSeries[m], scoreOnlyCellsWithIncidents(panel, forecasts, region, scores.naiveScale, m), seed)),
    );
  }

  if (wanted('region-from-all-data')) {
    stage(MISTAKES['region-from-all-data'].title);
    result('region-from-all-data', chosen, compareSets(forecasts, regionFromAllData(panel)));
  }

  if (wanted('future-geography')) {
    stage(MISTAKES['future-geography'].title);
    result('future-geography', chosen, compareSets(await runForecasts(panel, protocol, makes, { declared: cellsWithAnyIncident(panel, declared), signal })));
  }

  const lab: LeakageLab = {
    format: 'hexcast-leakage',
    version: LEAKAGE_VERSION,
    createdAt: (input.createdAt ?? new Date()).toISOString(),
    data: { files: input.data.files, sha256: input.data.sha256 },
    panel: { resolution: panel.res, bucket: panel.bucket.unit, cells: panel.cells.length, periods: panel.periods.length },
    studyRegion: { source: region.source, cells: region.cells },
    protocol,
    models: names,
    mistakes,
  };
  return { lab, honest };
}

/** "test folds chose k = 1; the validation periods chose k = 4 in 20 of 26 folds, k = 8 in 6". */
function choiceNote(family: TuningFamily, testChoice: number, validationChoices: readonly number[]): string {
  const symbol = family.label.split(' ').pop();
  const counts = new Map<number, number>();
  for (const v of validationChoices) counts.set(v, (counts.get(v) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const validation = ranked.map(([v, n], i) => `${symbol} = ${v} in ${n}${i === 0 ? ` of ${validationChoices.length} folds` : ''}`).join(', ');
  return `test folds chose ${symbol} = ${testChoice}; validation periods chose ${validation}`;
}
