import { wallTimeOf } from '../grid/wall-time';
import { DataType } from 'apache-arrow';
import { panelTotal, type Panel } from '../grid/panel';
import { hasPanelMetadata, readPanelFile, type PanelFileReport } from '../grid/panel-file';
import type { ArrowSource } from '../io/read-arrow';
import type { PanelOptions, PanelSummary } from './protocol';

/** A pre-binned panel as the worker keeps it: the panel, its row accounting and summary. */
export interface PanelInput {
  readonly panel: Panel;
  readonly report: PanelFileReport;
  readonly summary: PanelSummary;
}

/**
 * Reads pre-binned panel files for the app: `readPanelFile` with the caller's bucket unit and
 * zone overrides when the first file carries no Hexcast metadata — a file written by
 * `hexcast bin` records how it was binned, so overrides are ignored for it — and a summary that
 * says where the unit and zone came from. Wall-clock periods whose zone nothing declares (no
 * override, a zone-less period column, or Hexcast metadata saying 'UTC') are flagged
 * `zoneDeclared: false`.
 * @example readPanelInput([duckdbDaily], { timeZone: 'America/Chicago' }).summary.zoneFrom // → 'override'
 */
export function readPanelInput(sources: readonly ArrowSource[], options: PanelOptions): PanelInput {
  const metadata = sources.length > 0 && hasPanelMetadata(sources[0]);
  const applied: PanelOptions = metadata ? {} : options;
  const { panel, report } = readPanelFile(sources, applied);
  const { unit, timeZone, clock } = panel.bucket;
  const P = panel.periods.length;
  const zoneFrom: PanelSummary['zoneFrom'] = metadata ? 'metadata' : applied.timeZone ? 'override' : periodColumnZone(sources[0]) ? 'column' : 'none';
  const zoneDeclared = clock === 'instant' || zoneFrom === 'override' || zoneFrom === 'column' || (zoneFrom === 'metadata' && timeZone !== 'UTC');
  return {
    panel,
    report,
    summary: {
      res: panel.res,
      unit,
      timeZone,
      clock,
      cells: panel.cells.length,
      periods: P,
      first: wallTimeOf(panel.periods[0], panel.bucket),
      last: wallTimeOf(panel.periods[P - 1], panel.bucket),
      end: wallTimeOf(panel.end, panel.bucket),
      incidents: panelTotal(panel),
      metadata,
      unitFrom: metadata ? 'metadata' : applied.unit ? 'override' : 'periods',
      zoneFrom,
      zoneDeclared,
    },
  };
}

/** The zone a source's `period` column declares in its Arrow type (zoned timestamps), else null. */
function periodColumnZone(source: ArrowSource | undefined): string | null {
  const type = source?.table.schema.fields.find((f) => f.name === 'period')?.type;
  return type && DataType.isTimestamp(type) ? (type.timezone ?? null) : null;
}
