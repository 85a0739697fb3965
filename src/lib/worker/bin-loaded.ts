import type { ReportData } from '../evaluate/report';
import { binIncidents, type BinReport } from '../grid/bin-incidents';
import type { Panel } from '../grid/panel';
import { incidentsReportData, panelReportData } from '../pipeline/prepare-panel';
import type { BinSettings } from './protocol';
import { selectCategories } from './select-categories';
import type { Loaded, Opened } from './session-state';

/** A panel binned from loaded data, before any study-region boundary extends it. */
export interface LoadedPanel {
  readonly panel: Panel;
  readonly report: BinReport;
  /** The report's data section for this panel. */
  readonly data: ReportData;
  /** Incidents left out by the category filter. */
  readonly filtered: number;
  /** Whether the periods' time zone is known (declared by the data or the settings), not assumed. */
  readonly zoneDeclared: boolean;
}

/**
 * Bins loaded incidents with `settings` (categories, resolution, bucket, zone); a pre-binned
 * panel file is used as read, its resolution and bucket being the file's.
 * @example binLoaded(opened, loaded, { res: 8, unit: 'week', timeZone: null, categories: null }).panel.res // → 8
 */
export function binLoaded(opened: Opened, loaded: Loaded, settings: BinSettings): LoadedPanel {
  if (loaded.kind === 'panel') {
    const total = loaded.input.summary.incidents;
    return {
      panel: loaded.input.panel,
      report: { input: total, binned: total, trimmedFirst: 0, trimmedLast: 0, notes: [] },
      data: panelReportData(opened.sources, opened.sha256, loaded.input.report),
      filtered: 0,
      zoneDeclared: loaded.input.summary.zoneDeclared,
    };
  }
  const incidents = selectCategories(loaded.incidents, settings.categories);
  const { panel, report } = binIncidents(incidents, { res: settings.res, unit: settings.unit, timeZone: settings.timeZone ?? undefined });
  const mapping = settings.categories ? { ...loaded.mapping, categories: settings.categories } : loaded.mapping;
  return {
    panel,
    report,
    data: incidentsReportData(opened.sources, opened.sha256, incidents.report, mapping, report),
    filtered: loaded.incidents.length - incidents.length,
    zoneDeclared: incidents.clock === 'instant' || incidents.timeZone !== null || settings.timeZone !== null,
  };
}
