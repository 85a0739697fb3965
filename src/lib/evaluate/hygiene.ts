import type { Panel } from '../grid/panel';
import type { StudyRegion } from '../grid/study-region';
import { mae } from './metrics';
import { hitRateBySelection } from './metrics/hit-rate-by-selection';
import { COUNT_METRICS, HOTSPOT_METRICS, coverageKey } from './metric-catalogue';
import { firstIncidentPeriods } from './model-universe';
import { cutoffsOf } from './protocol';
import type { Report } from './report';
import type { ForecastSet } from './run-forecasts';
import type { MetricSummary } from './summarise-scores';
import { HYGIENE_ITEMS, HYGIENE_MIN_FOLDS, type HygieneCheck, type HygieneId } from './hygiene-check';

/** What the checks read: the report as built and the run's own data. */
export interface HygieneInput {
  readonly report: Omit<Report, 'hygiene'>;
  readonly panel: Panel;
  readonly region: StudyRegion;
  readonly forecasts: ForecastSet;
  /**
   * With external forecasts: the folds scored (indexes into the protocol's cutoffs), the ones
   * every external file covers, chosen from the files' rows before any score exists.
   */
  readonly scoredFolds?: readonly number[];
}

/**
 * The hygiene checklist of a run, each item computed from the run's data, none asserted:
 * 1. every-cell-scored — the forecasts cover every panel cell at every fold and step, the
 *    region's mask is the report's region, and each fold's MAE in the report equals the MAE
 *    recomputed over every cell (zeros included) and its hit rate at the first coverage the one
 *    recomputed over every region cell by a second method (`hitRateBySelection`, a selection of
 *    the boundary group, not the scorer's ranking of every cell), to 1e-9 relative;
 * 2. tuning-on-validation — every epoch a learned fit chose was chosen on a validation loss
 *    (its log has one); baselines tune nothing;
 * 3. cutoffs-fixed — the report's and the forecasts' cutoffs are `cutoffsOf(periods, protocol)`
 *    (with external forecasts, those of the folds every external file covers), each test span is
 *    `horizon` periods, and every model was scored at every one of them;
 * 4. region-before-cutoff — a declared boundary, or every region cell has an incident before
 *    the first cutoff (`firstIncidentPeriods`);
 * 5. data-fingerprint — the report carries a 64-hex-digit SHA-256 of the inputs;
 * 6. enough-folds — at least 5 folds, and at least 5 usable (non-NaN) folds behind every
 *    interval of every model.
 * A failed item's reason names what failed, with an example.
 */
export function hygieneChecks(input: HygieneInput): HygieneCheck[] {
  const check = (id: HygieneId, failure: string | undefined, evidence: string): HygieneCheck => ({
    id,
    label: HYGIENE_ITEMS[id],
    ok: failure === undefined,
    reason: failure ?? evidence,
  });
  const { report, region } = input;
  return [
    check(
      'every-cell-scored',
      everyCellScored(input),
      `${report.panel.cells} cells scored by count metrics, ${region.cells} region cells by hotspot metrics, at every fold, zeros included (recomputed)`,
    ),
    check('tuning-on-validation', ...tuningOnValidation(report)),
    check(
      'cutoffs-fixed',
      cutoffsFixed(input),
      `${report.cutoffs.length} cutoffs follow from the panel's ${report.panel.periods} periods, horizon ${report.protocol.horizon} and step ${report.protocol.step} alone` +
        (input.scoredFolds ? ` (the ${input.scoredFolds.length} folds every external file covers, chosen from its rows before scoring)` : ''),
    ),
    check(
      'region-before-cutoff',
      regionBeforeCutoff(input),
      region.source === 'boundary' ? `a declared boundary (${region.cells} cells)` : `all ${region.cells} region cells had an incident before the first cutoff`,
    ),
    check(
      'data-fingerprint',
      /^[0-9a-f]{64}$/.test(report.data.sha256) ? undefined : `the report's data fingerprint is '${report.data.sha256}', not a SHA-256 (64 hex digits)`,
      `SHA-256 ${report.data.sha256.slice(0, 12)}… of ${report.data.files.map((f) => f.name).join(', ') || 'the panel'}`,
    ),
    check('enough-folds', enoughFolds(report), `${report.protocol.folds} folds; every interval rests on at least ${HYGIENE_MIN_FOLDS} of them`),
  ];
}

/** The report with its hygiene checklist (`hygieneChecks`) added. */
export function withHygiene(report: Report, run: Omit<HygieneInput, 'report'>): Report {
  return { ...report, hygiene: hygieneChecks({ ...run, report }) };
}

function everyCellScored({ report, panel, region, forecasts }: HygieneInput): string | undefined {
  const C = panel.cells.length;
  const { horizon, cutoffs } = forecasts;
  if (forecasts.cells !== C) return `the forecasts cover ${forecasts.cells} cells; the panel has ${C}`;
  for (const model of forecasts.models) {
    if (model.values.length !== cutoffs.length * horizon * C)
      return `${model.name} has ${model.values.length} forecasts; ${cutoffs.length} folds × ${horizon} steps × ${C} cells expected`;
  }
  let inRegion = 0;
  for (const x of region.mask) inRegion += x ? 1 : 0;
  if (region.mask.length !== C || inRegion !== report.panel.studyRegion.cells) {
    return `the region scored has ${inRegion} cells; the report's study region has ${report.panel.studyRegion.cells}`;
  }
  const coverage = report.protocol.coverage[0];
  const key = coverageKey(coverage);
  for (const row of report.folds) {
    const m = forecasts.models.findIndex((x) => x.name === row.model);
    if (m < 0) return `${row.model}, fold ${row.fold}: scored in the report, but the run has no forecasts of that model`;
    // An external risk score or flag-only file has its count metrics blanked by kind (the report says why): nothing to recompute.
    const blanked = (value: unknown): boolean =>
      (value === null || Number.isNaN(value)) && report.models.some((x) => x.name === row.model && x.spec.startsWith('external:'));
    const cutoff = cutoffs[row.fold];
    const forecast = forecasts.models[m].values.subarray(row.fold * horizon * C, (row.fold + 1) * horizon * C);
    const actual = panel.counts.subarray(cutoff * C, (cutoff + horizon) * C);
    const all = mae(forecast, actual);
    if (!blanked(row.metrics.mae) && !agrees(row.metrics.mae as number, all)) {
      return `${row.model}, fold ${row.fold}: MAE ${row.metrics.mae} in the report, ${all} over every cell and step with the zeros`;
    }
    let hit = 0;
    for (let s = 0; s < horizon; s++) {
      const y = actual.subarray(s * C, (s + 1) * C);
      const f = forecast.subarray(s * C, (s + 1) * C);
      hit += hitRateBySelection(f, y, panel.area, region.mask, coverage) / horizon;
    }
    const reported = (row.metrics.hitRate as Record<string, number>)[key];
    if (!blanked(reported) && !agrees(reported, hit))
      return `${row.model}, fold ${row.fold}: hit rate ${reported} in the report, ${hit} over every region cell`;
  }
  return undefined;
}

function tuningOnValidation(report: HygieneInput['report']): [string | undefined, string] {
  let fits = 0;
  for (const model of report.models) {
    for (const [fold, log] of model.training.entries()) {
      if (!log || log.chosenEpoch === undefined) continue;
      fits++;
      const chosen = log.epochs.find((e) => e.epoch === log.chosenEpoch);
      if (chosen?.valLoss === undefined || !Number.isFinite(chosen.valLoss)) {
        return [`${model.name} chose epoch ${log.chosenEpoch} at fold ${fold} without a validation loss: not on validation periods`, ''];
      }
    }
  }
  const learned = report.models.filter((m) => m.kind === 'learned').length;
  return [
    undefined,
    fits > 0
      ? `${fits} learned fits chose their epoch on the validation loss of the last ${report.protocol.validation} training periods; baselines tune nothing`
      : learned > 0
        ? 'no learned fit chose an epoch; baselines tune nothing'
        : 'baselines only: nothing is tuned',
  ];
}

function cutoffsFixed({ report, panel, forecasts, scoredFolds }: HygieneInput): string | undefined {
  const expected = cutoffsOf(panel.periods.length, report.protocol).filter((_, i) => !scoredFolds || scoredFolds.includes(i));
  const given = report.cutoffs.map((c) => c.cutoff);
  const same = (a: readonly number[]): boolean => a.length === expected.length && a.every((x, i) => x === expected[i]);
  if (!same(given)) return `the report's cutoffs [${given.join(', ')}] are not the protocol's [${expected.join(', ')}]: chosen after the fact`;
  if (!same(forecasts.cutoffs)) return `the forecasts were made at cutoffs [${forecasts.cutoffs.join(', ')}], not the protocol's [${expected.join(', ')}]`;
  if (forecasts.horizon !== report.protocol.horizon) return `the forecasts have horizon ${forecasts.horizon}; the protocol says ${report.protocol.horizon}`;
  for (const model of report.models) {
    const folds = report.folds.filter((f) => f.model === model.name).map((f) => f.fold);
    if (folds.length !== expected.length) return `${model.name} was scored on ${folds.length} of ${expected.length} folds`;
  }
  return undefined;
}

function regionBeforeCutoff({ panel, region, forecasts }: HygieneInput): string | undefined {
  if (region.source === 'boundary') return undefined;
  const first = firstIncidentPeriods(panel);
  const cutoff = forecasts.cutoffs[0];
  const late = panel.cells.filter((_, c) => region.mask[c] && first[c] >= cutoff);
  if (late.length === 0) return undefined;
  return `${late.length} region cells have no incident before the first cutoff: drawn with test-period data (e.g. ${late[0]})`;
}

function enoughFolds(report: HygieneInput['report']): string | undefined {
  if (report.protocol.folds < HYGIENE_MIN_FOLDS) return `${report.protocol.folds} folds: an interval needs at least ${HYGIENE_MIN_FOLDS}`;
  for (const model of report.models) {
    for (const id of [...COUNT_METRICS, ...HOTSPOT_METRICS]) {
      const value = model.metrics[id];
      const summaries: [string, MetricSummary][] = 'n' in value ? [['', value as MetricSummary]] : Object.entries(value as Record<string, MetricSummary>);
      for (const [key, summary] of summaries) {
        if (summary.n < HYGIENE_MIN_FOLDS)
          return `${model.name}: ${id}${key ? ` at ${key}` : ''} rests on ${summary.n} usable folds (${summary.nanCount} undefined)`;
      }
    }
  }
  return undefined;
}

/** Equal to 1e-9 relative (1e-12 absolute), NaN equal to NaN. */
function agrees(a: number, b: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  return Math.abs(a - b) <= Math.max(1e-12, 1e-9 * Math.max(Math.abs(a), Math.abs(b)));
}
