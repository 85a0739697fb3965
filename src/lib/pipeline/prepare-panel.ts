import type { ReportData } from '../evaluate/report';
import { binIncidents, type BinOptions, type BinReport } from '../grid/bin-incidents';
import type { Panel } from '../grid/panel';
import type { ColumnMapping } from '../io/column-mapping';
import type { Incidents } from '../io/incidents';
import { InputError } from '../io/input-error';
import { loadIncidents } from '../io/load-incidents';
import { isPanelSource, readPanelFile, type PanelFileOptions } from '../io/panel-file';
import type { ArrowSource } from '../io/read-arrow';

/** A panel ready for a backtest, with the facts the report's `data` section records. */
export interface PreparedPanel {
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
 * Loads Arrow sources into a panel — the one pipeline the CLI, the app's worker and the
 * notebooks share. Incident files are mapped, decoded (with row accounting) and binned;
 * a pre-binned panel file (`cell`, `period`, `count`) is read as is. Mixing the two kinds is
 * an error.
 */
export function preparePanel(sources: readonly ArrowSource[], sha256: string, options: PrepareOptions): PreparedPanel {
  const panelFiles = sources.filter(isPanelSource);
  const files = sources.map((s) => ({ name: s.name, bytes: s.bytes, rows: s.table.numRows }));
  if (panelFiles.length > 0) {
    if (panelFiles.length !== sources.length) {
      throw new InputError(`${panelFiles.map((s) => s.name).join(', ')} ${panelFiles.length === 1 ? 'is a' : 'are'} pre-binned panel file(s) and cannot be loaded together with incident files`);
    }
    const started = performance.now();
    const { panel, report } = readPanelFile(sources, options.panelFile);
    const loadMs = performance.now() - started;
    const dropped = Object.fromEntries(Object.entries(report.dropped).filter(([, n]) => n > 0));
    return {
      panel,
      data: { kind: 'panel', files, sha256, rows: { read: report.read, kept: report.used, dropped } },
      timings: { loadMs, binMs: 0 },
    };
  }
  if (!options.mapping) throw new InputError('a column mapping is needed to load incident files');
  if (!options.bin) throw new InputError('a resolution and time bucket are needed to bin incidents');
  const started = performance.now();
  const incidents = loadIncidents(sources, options.mapping);
  const loaded = performance.now();
  const { panel, report } = binIncidents(incidents, options.bin);
  const binned = performance.now();
  const { read, kept, dropped } = incidents.report;
  return {
    panel,
    incidents,
    binReport: report,
    data: { kind: 'incidents', files, sha256, rows: { read, kept, dropped }, mapping: options.mapping, binning: report },
    timings: { loadMs: loaded - started, binMs: binned - loaded },
  };
}
