import type { Panel } from '../grid/panel';
import type { StudyRegion } from '../grid/study-region';

/**
 * What an external forecast holds: `count` (expected incidents per cell-period: every metric),
 * `score` (a risk score that only ranks cells: hotspot metrics only) or `flags` (flagged places
 * without a value: every model is scored on the same flagged area, see `flaggedComparison`).
 */
export type ExternalKind = 'count' | 'score' | 'flags';

/** The external kinds, in the order the CLI and the app list them. */
export const EXTERNAL_KINDS: readonly ExternalKind[] = ['count', 'score', 'flags'];

/** What matching an external file needs: the panel, the study region and the backtest's folds. */
export interface ExternalContext {
  readonly panel: Panel;
  readonly region: StudyRegion;
  /** Cutoff period index of every fold of the backtest (before any fold is left out). */
  readonly cutoffs: readonly number[];
  readonly horizon: number;
}

/** A dropped row of an external file, kept as an example: its 0-based row, why, and its raw values. */
export interface ExternalDroppedRow {
  readonly row: number;
  readonly reason: string;
  readonly values: Readonly<Record<string, string>>;
}

/** Row accounting of an external file: `read === used + Σ dropped`, with up to 5 examples a reason. */
export interface ExternalRows {
  readonly read: number;
  readonly used: number;
  readonly dropped: Readonly<Record<string, number>>;
  readonly examples: readonly ExternalDroppedRow[];
}

/** Everything the report says about one external file: where it came from, how it was read and what became of each row. */
export interface ExternalFileReport {
  /** The model name it is scored under. */
  readonly name: string;
  readonly file: string;
  readonly bytes: number;
  readonly sha256: string;
  /** 'cell' (per H3 cell), 'point' (per location) or 'flag' (flagged places, no value). */
  readonly shape: 'cell' | 'point' | 'flag';
  /** Why that shape and those columns, in words. */
  readonly shapeReason: string;
  /** The columns used, by role (period, cell, lat, lng, x, y, forecast, cutoff). */
  readonly columns: Readonly<Record<string, string>>;
  readonly kind: ExternalKind;
  /** Why that kind: declared, or the detection rule and the numbers it used. */
  readonly kindReason: string;
  readonly rows: ExternalRows;
  /** How cells, resolutions, boxes and clocks were reconciled with the panel (one sentence each). */
  readonly notes: readonly string[];
}

/** An external file matched to the backtest's folds and the panel's cells. */
export interface ExternalMatch {
  readonly kind: ExternalKind;
  /** `values[(fold * horizon + step) * cells + cell]` over the folds given as scored (others 0). */
  readonly values: Float32Array;
  readonly report: ExternalFileReport;
}

/**
 * A model whose forecasts come from a file made elsewhere (a vendor, a Python script): nothing
 * is fitted; its forecasts are matched to the backtest's folds and cells and scored as given.
 * Implemented in `src/lib/external`; `backtest` only sees this contract.
 */
export interface ExternalModel {
  readonly name: string;
  /** 1 for every fold (of `context.cutoffs`) whose test periods the file all covers. */
  coverage(context: ExternalContext): Uint8Array;
  /** The forecasts of the `scored` folds, and the file's row accounting against them. */
  match(context: ExternalContext, scored: Uint8Array): ExternalMatch;
}
