import { formatPercent } from '../base/format-number';
import type { ReportExternal } from './external-report';

/**
 * The external section in a few lines for a terminal or a status line: per file its shape,
 * kind and rows used, then the folds scored, the kind notes, the flagged area and the honesty note.
 * @example externalLines(report.external)[0] // → "vendor (vendor.arrow): cell shape, count (declared); 1,234 of 1,300 rows used (66 period-outside-backtest)"
 */
export function externalLines(external: ReportExternal): string[] {
  const lines = external.files.map((f) => {
    const dropped = Object.entries(f.rows.dropped).filter(([, n]) => n > 0);
    return (
      `${f.name} (${f.file}): ${f.shape} shape, ${f.kind} (${f.kindReason}); ${f.rows.used.toLocaleString('en-US')} of ${f.rows.read.toLocaleString('en-US')} rows used` +
      (dropped.length ? ` (${dropped.map(([r, n]) => `${n.toLocaleString('en-US')} ${r}`).join(', ')})` : '')
    );
  });
  lines.push(external.folds.note, ...external.kindNotes);
  for (const f of external.flagged) {
    lines.push(
      `Every model is scored on ${f.model}'s flagged area: ${f.cellsPerPeriod.toFixed(1)} cells, ${formatPercent(f.areaFraction)} of the study region a period on average, in the same periods.`,
    );
  }
  lines.push(external.note);
  return lines;
}
