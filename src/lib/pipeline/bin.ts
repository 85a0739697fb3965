import type { ReportData } from '../evaluate/report';
import { binIncidents, type BinReport } from '../grid/bin-incidents';
import type { CellAssigner } from '../grid/bin-range';
import type { Panel } from '../grid/panel';
import type { BucketUnit } from '../grid/time-bucket';
import type { ColumnMapping } from '../io/column-mapping';
import type { Incidents, LoadReport } from '../io/incidents';
import { loadIncidents } from '../io/load-incidents';
import { loadWarnings } from '../io/load-warnings';
import type { PanelFileReport } from '../grid/panel-file';
import type { ArrowSource } from '../io/read-arrow';
import { isExcept, keptCategories, type CategorySelection } from './category-selection';
import type { Loaded, LoadedIncidents, Opened } from './load';

// The bin stage of the pipeline: loaded incidents → a dense H3 cell × time-bucket panel, with the
// category filter; a pre-binned panel passes as read. Also the report's `data` section.

/** How to bin: resolution, bucket, zone (instant data), and which categories to keep (null: all; see `CategorySelection`). */
export interface BinSettings {
  readonly res: number;
  readonly unit: BucketUnit;
  /** Zone that cuts the buckets of instant data; null: the data's zone, else UTC. */
  readonly timeZone: string | null;
  readonly categories: CategorySelection;
  /** Drop a first or last week/month the data covers only in part (default true; see `binIncidents`). */
  readonly trimPartial?: boolean;
  /** Largest panel (periods × cells) to allocate; default `DEFAULT_MAX_VALUES` (see `binIncidents`). */
  readonly maxValues?: number;
  /** The coarser grids a refusal may name: see `BinOptions.coarserAdvice` (default any). */
  readonly coarserAdvice?: readonly number[] | 'none';
  /** How rows are assigned to cells (default one pass on this thread; see `BinOptions.assign`). */
  readonly assign?: CellAssigner;
  /** A panel file is written next (see `BinOptions.scratchNext`). */
  readonly scratchNext?: boolean;
}

/** A panel binned from loaded data, before any study-region boundary extends it. */
export interface BinnedPanel {
  readonly panel: Panel;
  readonly report: BinReport;
  /** Each cell's place name (`CELL_NAME_RULE`), in `panel.cells` order; null without a place column. */
  readonly cellNames: readonly (string | null)[] | null;
  /** The report's data section for this panel. */
  readonly data: ReportData;
  /** Incidents left out by the category filter (beyond those the mapping's own filter left out). */
  readonly filtered: number;
  /** Whether the periods' time zone is known (declared by the data or the settings), not assumed. */
  readonly zoneDeclared: boolean;
  readonly ms: number;
}

/**
 * Bins loaded incidents with `settings` (categories, resolution, bucket, zone); a pre-binned
 * panel file is used as read, its resolution and bucket being the file's.
 *
 * The category filter is the load's own (`loadIncidents` with `mapping.categories`), so a
 * filtered row is counted as dropped under the first reason that applies (category before time
 * filter), with examples, a warning for a value that does not occur, and a dictionary of the kept
 * values only — the same whether the CLI passes `--category` or the app ticks a box. The
 * filtered decode is kept per loaded data and category list, so moving a slider costs no decode.
 * @example binLoaded(opened, loaded, { res: 8, unit: 'week', timeZone: null, categories: null }).panel.res // → 8
 */
export function binLoaded(opened: Opened, loaded: Loaded, settings: BinSettings): BinnedPanel {
  const t0 = performance.now();
  if (loaded.kind === 'panel') {
    const total = loaded.input.summary.incidents;
    return {
      panel: loaded.input.panel,
      report: { input: total, binned: total, trimmedFirst: 0, trimmedLast: 0, notes: [] },
      cellNames: null,
      data: panelReportData(opened.sources, opened.sha256, loaded.input.report),
      filtered: 0,
      zoneDeclared: loaded.input.summary.zoneDeclared,
      ms: performance.now() - t0,
    };
  }
  const { incidents, mapping } = filteredIncidents(opened.sources, loaded, settings.categories);
  const { panel, report, cellNames } = binIncidents(incidents, {
    res: settings.res,
    unit: settings.unit,
    timeZone: settings.timeZone ?? undefined,
    trimPartial: settings.trimPartial,
    maxValues: settings.maxValues,
    coarserAdvice: settings.coarserAdvice,
    assign: settings.assign,
    scratchNext: settings.scratchNext,
  });
  return {
    panel,
    report,
    cellNames,
    data: incidentsReportData(
      opened.sources,
      opened.sha256,
      incidents.report,
      mapping,
      report,
      loadWarnings(incidents, incidents.report, mapping.time.column, settings.timeZone),
    ),
    filtered: loaded.incidents.length - incidents.length,
    zoneDeclared: incidents.clock === 'instant' || incidents.timeZone !== null || settings.timeZone !== null,
    ms: performance.now() - t0,
  };
}

const filteredCache = new WeakMap<Loaded, { key: string; incidents: Incidents }>();

/**
 * The loaded incidents with the category selection `selection` (null: the mapping's own filter),
 * decoded once per selection. A list is the load's filter as given (a name that does not occur
 * is warned about); `{ except }` is resolved against the loaded categories, so the report's
 * mapping lists the kept ones either way, as it does for the CLI's `--category`.
 */
function filteredIncidents(
  sources: readonly ArrowSource[],
  loaded: LoadedIncidents,
  selection: CategorySelection,
): { incidents: Incidents; mapping: ColumnMapping } {
  const filter = categoryFilter(loaded, selection);
  if (filter === null) return { incidents: loaded.incidents, mapping: loaded.mapping };
  const { mapping, key } = filter;
  if (key === JSON.stringify(loaded.mapping.categories ?? null)) return { incidents: loaded.incidents, mapping };
  let cached = filteredCache.get(loaded);
  if (cached?.key !== key) filteredCache.set(loaded, (cached = { key, incidents: loadIncidents(sources, mapping) }));
  return { incidents: cached.incidents, mapping };
}

/** The mapping a category selection loads with (null: the mapping's own filter) and its cache key. */
function categoryFilter(loaded: LoadedIncidents, selection: CategorySelection): { mapping: ColumnMapping; key: string } | null {
  const categories = isExcept(selection) ? keptCategories(selection, loaded.incidents.categories) : selection;
  if (categories === null) return null;
  return { mapping: { ...loaded.mapping, categories: [...categories] }, key: JSON.stringify(categories) };
}

/**
 * The mapping `binLoaded` would decode the loaded incidents again with for the category
 * selection `selection`, or null when it decodes nothing (no filter, the load's own, or one
 * already decoded for this load). A shell whose load kept no rows (a streamed load) decodes
 * with it itself and hands the result to `rememberFiltered`.
 * @example pendingFilter(loaded, ['THEFT'])?.categories // → ['THEFT']
 */
export function pendingFilter(loaded: LoadedIncidents, selection: CategorySelection): ColumnMapping | null {
  const filter = categoryFilter(loaded, selection);
  if (filter === null || filter.key === JSON.stringify(loaded.mapping.categories ?? null)) return null;
  return filteredCache.get(loaded)?.key === filter.key ? null : filter.mapping;
}

/**
 * The filtered decode `binLoaded` holds for the loaded incidents and `selection` (what
 * `rememberFiltered` takes to hold it again), or null when the selection decodes nothing or
 * another selection's decode has replaced it.
 * @example heldFilter(loaded, ['THEFT'])?.incidents.length // → the THEFT rows kept
 */
export function heldFilter(loaded: LoadedIncidents, selection: CategorySelection): { mapping: ColumnMapping; incidents: Incidents } | null {
  const filter = categoryFilter(loaded, selection);
  if (filter === null || filter.key === JSON.stringify(loaded.mapping.categories ?? null)) return null;
  const cached = filteredCache.get(loaded);
  return cached?.key === filter.key ? { mapping: filter.mapping, incidents: cached.incidents } : null;
}

/**
 * Keeps `incidents`, decoded elsewhere with `mapping` (from `pendingFilter`), as the loaded
 * incidents' filtered decode: the next `binLoaded` with that selection uses them.
 * @example rememberFiltered(loaded, mapping, (await loadOpenedStreams(inputs, heads, mapping))!.incidents)
 */
export function rememberFiltered(loaded: LoadedIncidents, mapping: ColumnMapping, incidents: Incidents): void {
  filteredCache.set(loaded, { key: JSON.stringify(mapping.categories ?? null), incidents });
}

/**
 * The report's `data` section for incident files: the files and their fingerprint, the load's
 * row accounting (`read === kept + Σ dropped`), the mapping as given, the binning report and the
 * load's warnings (`loadWarnings`; none: no field).
 * @example incidentsReportData(sources, sha, incidents.report, mapping, binReport, []).kind // → 'incidents'
 */
export function incidentsReportData(
  sources: readonly ArrowSource[],
  sha256: string,
  rows: LoadReport,
  mapping: ColumnMapping,
  binning: BinReport,
  warnings: readonly string[],
): ReportData {
  const { read, kept, dropped } = rows;
  // No field when there is nothing to warn of: such a report stays byte for byte what it was before warnings were kept.
  return { kind: 'incidents', files: filesOf(sources), sha256, rows: { read, kept, dropped }, mapping, binning, ...(warnings.length && { warnings }) };
}

/**
 * The report's `data` section for pre-binned panel files: the files and their fingerprint, the
 * panel file's row accounting with `used` rows reported as kept and only the drop reasons that
 * occurred, and the panel load's warnings (repeated (cell, period) pairs, …; none: no field), as
 * `incidentsReportData` keeps an incident load's.
 * @example panelReportData(sources, sha, { read: 3, used: 2, dropped: { 'cell-null': 1, … }, warnings: [], … }).rows
 *   // → { read: 3, kept: 2, dropped: { 'cell-null': 1 } }
 */
export function panelReportData(sources: readonly ArrowSource[], sha256: string, report: PanelFileReport): ReportData {
  const dropped = Object.fromEntries(Object.entries(report.dropped).filter(([, n]) => n > 0));
  const { warnings } = report;
  // No field when there is nothing to warn of: such a report stays byte for byte what it was before warnings were kept.
  return {
    kind: 'panel',
    files: filesOf(sources),
    sha256,
    rows: { read: report.read, kept: report.used, dropped },
    ...(warnings.length && { warnings: [...warnings] }),
  };
}

function filesOf(sources: readonly ArrowSource[]): ReportData['files'] {
  return sources.map((s) => ({ name: s.name, bytes: s.bytes, rows: s.table.numRows }));
}

/**
 * Incidents per cell over all periods and per period over all cells, in one pass over the
 * period-major counts.
 * @example panelTotals({ cells: ['a', 'b'], periods, counts: Float32Array.of(1, 2, 3, 4), … })
 *   // → { cellTotals: [4, 6], periodTotals: [3, 7] }
 */
export function panelTotals(panel: Pick<Panel, 'cells' | 'periods' | 'counts'>): { cellTotals: Float32Array; periodTotals: Float32Array } {
  const C = panel.cells.length;
  const P = panel.periods.length;
  const cellTotals = new Float32Array(C);
  const periodTotals = new Float32Array(P);
  for (let p = 0; p < P; p++) {
    let sum = 0;
    for (let c = 0; c < C; c++) {
      const v = panel.counts[p * C + c];
      cellTotals[c] += v;
      sum += v;
    }
    periodTotals[p] = sum;
  }
  return { cellTotals, periodTotals };
}
