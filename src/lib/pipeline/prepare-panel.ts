import type { ReportData } from '../evaluate/report';
import { binIncidents, type BinOptions, type BinReport } from '../grid/bin-incidents';
import type { Panel } from '../grid/panel';
import type { ColumnMapping } from '../io/column-mapping';
import type { Incidents, LoadReport } from '../io/incidents';
import { InputError } from '../io/input-error';
import { loadIncidents } from '../io/load-incidents';
import { isPanelSource, readPanelFile, type PanelFileOptions, type PanelFileReport } from '../grid/panel-file';
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
 * Loads Arrow sources into a panel — the one pipeline the CLI and the notebooks call whole,
 * and whose pieces (`isPanelInput`, `incidentsReportData`, `panelReportData`) the app's worker
 * calls stage by stage. Incident files are mapped, decoded (with row accounting) and binned;
 * a pre-binned panel file (`cell`, `period`, `count`) is read as is. Mixing the two kinds is
 * an error.
 */
export function preparePanel(sources: readonly ArrowSource[], sha256: string, options: PrepareOptions): PreparedPanel {
  if (isPanelInput(sources)) {
    const started = performance.now();
    const { panel, report } = readPanelFile(sources, options.panelFile);
    const loadMs = performance.now() - started;
    return { panel, data: panelReportData(sources, sha256, report), timings: { loadMs, binMs: 0 } };
  }
  if (!options.mapping) throw new InputError('a column mapping is needed to load incident files', { code: 'settings-missing', field: 'mapping' });
  if (!options.bin) throw new InputError('a resolution and time bucket are needed to bin incidents', { code: 'settings-missing', field: 'bin' });
  const started = performance.now();
  const incidents = loadIncidents(sources, options.mapping);
  const loaded = performance.now();
  const { panel, report } = binIncidents(incidents, options.bin);
  const binned = performance.now();
  return {
    panel,
    incidents,
    binReport: report,
    data: incidentsReportData(sources, sha256, incidents.report, options.mapping, report),
    timings: { loadMs: loaded - started, binMs: binned - loaded },
  };
}

/**
 * True when every source is a pre-binned panel file, false when none is; throws an
 * InputError naming the panel files when the two kinds are mixed.
 * @example isPanelInput([readArrow(panelFileBytes(panel), 'p.arrow')]) // → true
 */
export function isPanelInput(sources: readonly ArrowSource[]): boolean {
  const panelFiles = sources.filter(isPanelSource);
  if (panelFiles.length === 0) return false;
  if (panelFiles.length !== sources.length) {
    throw new InputError(`${panelFiles.map((s) => s.name).join(', ')} ${panelFiles.length === 1 ? 'is a' : 'are'} pre-binned panel file(s) and cannot be loaded together with incident files`, {
      code: 'mixed-inputs',
    });
  }
  return true;
}

/**
 * The report's `data` section for incident files: the files and their fingerprint, the load's
 * row accounting (`read === kept + Σ dropped`), the mapping as given and the binning report.
 * @example incidentsReportData(sources, sha, incidents.report, mapping, binReport).kind // → 'incidents'
 */
export function incidentsReportData(sources: readonly ArrowSource[], sha256: string, rows: LoadReport, mapping: ColumnMapping, binning: BinReport): ReportData {
  const { read, kept, dropped } = rows;
  return { kind: 'incidents', files: filesOf(sources), sha256, rows: { read, kept, dropped }, mapping, binning };
}

/**
 * The report's `data` section for pre-binned panel files: the files and their fingerprint, and
 * the panel file's row accounting with `used` rows reported as kept and only the drop reasons
 * that occurred.
 * @example panelReportData(sources, sha, { read: 3, used: 2, dropped: { 'cell-null': 1, … }, … }).rows
 *   // → { read: 3, kept: 2, dropped: { 'cell-null': 1 } }
 */
export function panelReportData(sources: readonly ArrowSource[], sha256: string, report: PanelFileReport): ReportData {
  const dropped = Object.fromEntries(Object.entries(report.dropped).filter(([, n]) => n > 0));
  return { kind: 'panel', files: filesOf(sources), sha256, rows: { read: report.read, kept: report.used, dropped } };
}

function filesOf(sources: readonly ArrowSource[]): ReportData['files'] {
  return sources.map((s) => ({ name: s.name, bytes: s.bytes, rows: s.table.numRows }));
}
