import { escapeTerminal } from '../lib/base/escape-terminal';
import { isoOf } from '../lib/base/iso-of';
import { panelTotal } from '../lib/grid/panel';
import { panelFileOrigin, readPanelFile } from '../lib/grid/panel-file';
import type { ArrowSource } from '../lib/io/read-arrow';
import { formatNumber } from '../lib/base/format-number';

/**
 * `hexcast inspect` of pre-binned panel files: the panel (cells × periods, span, incidents),
 * its own row accounting, and each file's origin as `hexcast bin` recorded it (incident
 * files, rows read = kept + dropped, incidents in trimmed partial periods with their notes).
 * Returns the text to print, or one JSON object with `json`.
 */
export function inspectPanel(sources: readonly ArrowSource[], sha256: string, json: boolean): string {
  const { panel, report } = readPanelFile(sources);
  const origins = sources.map((source) => ({ file: source.name, origin: panelFileOrigin(source) }));
  const P = panel.periods.length;
  const facts = {
    kind: 'panel' as const,
    files: sources.map((s) => ({ name: s.name, bytes: s.bytes, rows: s.table.numRows })),
    sha256,
    panel: {
      resolution: panel.res,
      bucket: panel.bucket,
      cells: panel.cells.length,
      periods: P,
      firstPeriod: isoOf(panel.periods[0], panel.bucket.clock),
      end: isoOf(panel.end, panel.bucket.clock),
      incidents: panelTotal(panel),
    },
    rows: report,
    origins,
  };
  if (json) return `${JSON.stringify(facts, null, 2)}\n`;
  const n = (x: number): string => x.toLocaleString('en-US');
  const lines: string[] = [];
  for (const file of facts.files) lines.push(`${file.name}: ${n(file.rows)} rows, ${formatNumber(file.bytes / 1e6, 3)} MB (a pre-binned panel)`);
  lines.push(`SHA-256   ${sha256}`, '');
  lines.push(
    `Panel     ${n(panel.cells.length)} H3 cells at resolution ${panel.res} × ${n(P)} ${panel.bucket.unit} periods (${panel.bucket.clock === 'wall' ? 'wall clock' : 'instants'}, ${panel.bucket.timeZone})`,
  );
  lines.push(`          ${facts.panel.firstPeriod} … ${facts.panel.end}; ${n(facts.panel.incidents)} incidents`);
  const dropped = Object.entries(report.dropped).filter(([, count]) => count > 0);
  lines.push(
    `Rows      ${n(report.read)} read = ${n(report.used)} used + ${n(report.read - report.used)} dropped${dropped.map(([reason, count]) => `; ${reason} ${n(count)}`).join('')}`,
  );
  for (const { file, origin } of origins) {
    lines.push('');
    if (!origin) {
      lines.push(`${file}: no record of its origin (not written by 'hexcast bin')`);
      continue;
    }
    lines.push(`${file} was binned from ${origin.files.map((f) => `${f.name} (${n(f.rows)} rows)`).join(', ')}`);
    lines.push(`  SHA-256   ${origin.sha256}`);
    const lost = Object.entries(origin.rows.dropped).filter(([, count]) => count > 0);
    lines.push(
      `  Rows      ${n(origin.rows.read)} read = ${n(origin.rows.kept)} kept + ${n(origin.rows.read - origin.rows.kept)} dropped${lost.map(([reason, count]) => `; ${reason} ${n(count)}`).join('')}`,
    );
    const b = origin.binning;
    if (b) {
      lines.push(
        `  Binning   ${n(b.binned)} of ${n(b.input)} incidents binned; ${n(b.trimmedFirst)} in a partial first period and ${n(b.trimmedLast)} in a partial last period left out`,
      );
      for (const note of b.notes) lines.push(`            ${note}`);
    }
  }
  for (const warning of report.warnings) lines.push('', `Warning: ${warning}`);
  return `${lines.map(escapeTerminal).join('\n')}\n`;
}
