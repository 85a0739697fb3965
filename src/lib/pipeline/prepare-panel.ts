import type { ReportData } from '../evaluate/report';
import type { BinOptions, BinReport } from '../grid/bin-incidents';
import type { Panel } from '../grid/panel';
import type { ColumnMapping } from '../io/column-mapping';
import type { Incidents } from '../io/incidents';
import { InputError } from '../io/input-error';
import type { PanelFileOptions } from '../grid/panel-file';
import type { ArrowSource } from '../io/read-arrow';
import { binLoaded, type BinnedPanel } from './bin';
import { DEFAULT_BINNING } from './defaults';
import { loadMapped, loadPanelFiles, openedSources, type Loaded, type LoadedIncidents, type Opened } from './load';

/** A panel ready for a backtest: every stage's output, and the facts the report's `data` section records. */
export interface PreparedPanel {
  readonly opened: Opened;
  readonly loaded: Loaded;
  readonly binned: BinnedPanel;
  readonly panel: Panel;
  readonly data: ReportData;
  /** The loaded incidents (absent for a pre-binned panel file). */
  readonly incidents?: Incidents;
  readonly binReport?: BinReport;
  readonly timings: { readonly loadMs: number; readonly binMs: number };
}

/** How to turn sources into a panel: a mapping and binning for incident files; options for panel files. */
export interface PrepareOptions {
  readonly mapping?: ColumnMapping;
  readonly bin?: BinOptions;
  readonly panelFile?: PanelFileOptions;
}

/**
 * The load and bin stages in one call, as the CLI and the notebooks use them (the app's worker
 * calls the same stages one at a time, for interactivity): incident files are mapped, decoded
 * with row accounting (the mapping's category filter included) and binned; a pre-binned panel
 * file (`cell`, `period`, `count`) is read as is. Mixing the two kinds of file is an error.
 * @example preparePanel(sources, sha, { mapping, bin: { res: 8, unit: 'week' } }).panel.res // → 8
 */
export function preparePanel(sources: readonly ArrowSource[], sha256: string, options: PrepareOptions): PreparedPanel {
  const opened = openedSources(sources, sha256);
  if (opened.kind !== 'panel') {
    if (!options.mapping) throw new InputError('a column mapping is needed to load incident files', { code: 'settings-missing', field: 'mapping' });
    if (!options.bin) throw new InputError('a resolution and time bucket are needed to bin incidents', { code: 'settings-missing', field: 'bin' });
    return prepareLoaded(opened, loadMapped(opened, options.mapping), options);
  }
  const loaded = loadPanelFiles(opened, options.panelFile ?? {});
  const binned = binLoaded(opened, loaded, DEFAULT_BINNING); // a panel file keeps its own resolution and bucket
  return { opened, loaded, binned, panel: binned.panel, data: binned.data, timings: { loadMs: loaded.ms, binMs: binned.ms } };
}

/**
 * The incidents half of `preparePanel` for incidents already loaded (by `loadMapped`, or
 * streamed by `loadStreams`): bins them with `options.bin` and the mapping's category filter.
 * @example prepareLoaded(opened, loaded, { mapping, bin: { res: 8, unit: 'day' } }).panel.res // → 8
 */
export function prepareLoaded(opened: Opened, loaded: LoadedIncidents, options: PrepareOptions): PreparedPanel {
  if (!options.bin) throw new InputError('a resolution and time bucket are needed to bin incidents', { code: 'settings-missing', field: 'bin' });
  const { res, unit, timeZone, trimPartial, maxValues, assign, scratchNext } = options.bin;
  const categories = loaded.mapping.categories ?? null;
  const binned = binLoaded(opened, loaded, { res, unit, timeZone: timeZone ?? null, categories, trimPartial, maxValues, assign, scratchNext });
  return {
    opened,
    loaded,
    binned,
    panel: binned.panel,
    data: binned.data,
    incidents: loaded.incidents,
    binReport: binned.report,
    timings: { loadMs: loaded.ms, binMs: binned.ms },
  };
}
