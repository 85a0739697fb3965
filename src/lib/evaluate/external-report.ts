import type { ExternalFileReport, ExternalMatch } from './external-model';
import type { FlaggedComparison } from './external-scores';

/** Said in every report with external forecasts, in the app and every rendering. */
export const EXTERNAL_HONESTY_NOTE =
  'External forecasts are scored as given: Hexcast cannot see how they were made, so it cannot check that they were made ' +
  'before their periods or blind to later incidents (a forecast written after the fact would score as if it were prescient). ' +
  'That check is for whoever supplied the file.';

/** The report's section on forecasts made elsewhere (absent when there are none). */
export interface ReportExternal {
  /** `EXTERNAL_HONESTY_NOTE`. */
  readonly note: string;
  /** The backtest's folds, the ones scored (indexes into the full list) and why others were left out. */
  readonly folds: { readonly total: number; readonly scored: readonly number[]; readonly note: string };
  readonly files: readonly ExternalFileReport[];
  /** One sentence per external model that does not get every metric, saying why. */
  readonly kindNotes: readonly string[];
  /** For each flag-only forecast: every model scored on the area it flags. */
  readonly flagged: readonly FlaggedComparison[];
}

/**
 * The external section of a report: the honesty note, which folds were scored and why, each
 * file's reading and row accounting, and why a score or flag-only forecast lacks metrics.
 * @example externalReport(matches, 26, [20, 21, 22, 23, 24, 25], []).folds.note
 * // → 'Scored on the 6 of 26 folds every external file covers (folds 20–25); every model, baselines included, on those folds only.'
 */
export function externalReport(
  matches: readonly ExternalMatch[],
  total: number,
  scored: readonly number[],
  flagged: readonly FlaggedComparison[],
): ReportExternal {
  const note =
    scored.length === total
      ? `Every external file covers all ${total} folds.`
      : `Scored on the ${scored.length} of ${total} folds every external file covers (${foldList(scored)}); every model, baselines included, on those folds only.`;
  const kindNotes = matches.flatMap((m): string[] => {
    if (m.kind === 'score')
      return [
        `${m.report.name} is a risk score, not an expected count (${m.report.kindReason}): it gets the hotspot metrics (hit rate, PAI, PEI*), which only rank cells; MAE, RMSE, deviance, MASE, Brier and log score read values as counts and are left blank.`,
      ];
    if (m.kind === 'flags')
      return [
        `${m.report.name} flags places without a value: it is scored on the area it flags in each period, and every other model on exactly the same area in the same periods (see "Scored on the flagged area"); it has no count metrics and no scores at the protocol's coverage levels.`,
      ];
    return [];
  });
  return { note: EXTERNAL_HONESTY_NOTE, folds: { total, scored, note }, files: matches.map((m) => m.report), kindNotes, flagged };
}

/** Fold indexes as ranges: [0, 1, 2, 5] → 'folds 0–2, 5'. */
function foldList(folds: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < folds.length;) {
    let j = i;
    while (j + 1 < folds.length && folds[j + 1] === folds[j] + 1) j++;
    parts.push(j > i ? `${folds[i]}–${folds[j]}` : `${folds[i]}`);
    i = j + 1;
  }
  return `fold${folds.length === 1 ? '' : 's'} ${parts.join(', ')}`;
}
