import { InputError } from '../base/hexcast-error';
import type { ExternalContext, ExternalKind, ExternalModel } from './external-model';
import { externalReport, type ReportExternal } from './external-report';
import { flaggedComparison, maskByKind, subsetFolds, withExternal } from './external-scores';
import type { ForecastSet } from './run-forecasts';
import { scoreForecasts, type Scores } from './score-forecasts';

/** The built-in forecasts with the external ones added, on the folds they all cover, and their scores. */
export interface ExternalScored {
  readonly forecasts: ForecastSet;
  readonly scores: Scores;
  readonly external: ReportExternal;
}

/**
 * Adds forecasts made elsewhere to a backtest: finds the folds every external file covers
 * (all of a fold's test periods), keeps only those folds for every model — so a file covering
 * part of the backtest is compared with the baselines on the same folds, never on others —
 * matches each file to the panel's cells, scores everything together (`scoreForecasts`), blanks
 * the metrics a risk score or flag-only forecast cannot earn (`maskByKind`) and scores every
 * model on each flag-only forecast's own area (`flaggedComparison`). Throws an InputError
 * naming the files when they share no fold.
 */
export function scoreExternal(
  context: ExternalContext,
  builtIn: ForecastSet,
  external: readonly ExternalModel[],
  builtInKinds: readonly ('baseline' | 'learned')[],
): ExternalScored {
  const folds = context.cutoffs.length;
  const covered = new Uint8Array(folds).fill(1);
  for (const model of external) {
    const own = model.coverage(context);
    if (own.every((v) => v === 0)) {
      const { report } = model.match(context, own);
      const first = report.rows.examples[0];
      const where = first
        ? `; first unusable row: ${first.row} (${first.reason}: ${Object.entries(first.values)
            .map(([k, v]) => `${k} = ${v}`)
            .join(', ')})`
        : '';
      throw new InputError(
        `external forecasts '${model.name}' (file '${report.file}') cover no fold of the backtest: no fold has a forecast for each of its ${context.horizon} test period${context.horizon === 1 ? '' : 's'}${where}`,
        { code: 'external-no-folds', file: report.file, field: 'external', ...(first && { row: first.row, column: columnOf(first.reason, report.columns) }) },
      );
    }
    for (let k = 0; k < folds; k++) covered[k] &= own[k];
  }
  const keep = [...covered.keys()].filter((k) => covered[k] === 1);
  if (keep.length === 0) {
    throw new InputError(
      `the external files ${external.map((m) => `'${m.name}'`).join(', ')} cover no fold in common: they cannot be compared on the same folds`,
      {
        code: 'external-no-folds',
        field: 'external',
      },
    );
  }
  const matches = external.map((model) => model.match(context, covered));
  const forecasts = withExternal(subsetFolds(builtIn, keep), matches, keep);
  const kinds: (ExternalKind | undefined)[] = [...builtInKinds.map(() => undefined), ...matches.map((m) => m.kind)];
  const summaryKinds = [...builtInKinds, ...matches.map(() => 'learned' as const)];
  const scores = maskByKind(scoreForecasts(context.panel, forecasts, context.region), kinds);
  const flagged = kinds.flatMap((kind, m) =>
    kind === 'flags' ? [flaggedComparison(context.panel, forecasts, context.region, m, summaryKinds, forecasts.protocol)] : [],
  );
  return { forecasts, scores, external: externalReport(matches, folds, keep, flagged) };
}

/** The column a drop reason is about: the period (or cutoff) for time reasons, else the place. */
function columnOf(reason: string, columns: Readonly<Record<string, string>>): string | undefined {
  if (reason.startsWith('time') || reason.startsWith('period')) return columns.period;
  if (reason.startsWith('cutoff')) return columns.cutoff;
  if (reason.startsWith('value')) return columns.forecast;
  return columns.cell ?? columns.lat ?? columns.x;
}
